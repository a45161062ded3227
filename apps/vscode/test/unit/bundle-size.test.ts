import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MAX_BUNDLE_BYTES = 200 * 1024;

describe('the shipped bundle', () => {
  it('stays at most 200 KB minified, with zod/mini only (classic zod is not tree-shakable)', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('../../src/extension.ts', import.meta.url))],
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node18',
      external: ['vscode'],
      minify: true,
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((input) => /zod\/v4\/classic\//.test(input))).toEqual([]);
    expect(inputs.some((input) => /zod\/v4\/mini\//.test(input))).toBe(true);
    expect(result.outputFiles[0]!.contents.byteLength).toBeLessThanOrEqual(MAX_BUNDLE_BYTES);
  });
});
