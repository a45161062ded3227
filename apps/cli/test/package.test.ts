// The package installs on its own: one bundled file that needs nothing from node_modules, reachable through `bin`.
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('the published package', () => {
  it('declares the evalgate bin and ships the launcher, the bundle, the schema and the README', async () => {
    const manifest = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
      bin: Record<string, string>;
      files: string[];
      dependencies?: unknown;
    };
    expect(manifest.bin).toEqual({ evalgate: './bin/evalgate.js' });
    expect(manifest.files).toEqual(expect.arrayContaining(['bin', 'dist', 'evalgate.schema.json', 'README.md']));
    expect(manifest.dependencies).toBeUndefined();
    expect((await readFile(new URL('../bin/evalgate.js', import.meta.url), 'utf8')).startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('runs from a folder with no node_modules anywhere above it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'evalgate-bundle-'));
    try {
      const bundle = join(dir, 'evalgate.mjs');
      await copyFile(new URL('../dist/evalgate.js', import.meta.url), bundle);
      expect((await readFile(bundle, 'utf8')).startsWith('#!/usr/bin/env node\n')).toBe(true);
      const { stdout } = await run(process.execPath, [bundle, '--version'], { cwd: dir, env: { PATH: process.env.PATH ?? '' } });
      expect(stdout.trim()).toBe('0.1.0');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
