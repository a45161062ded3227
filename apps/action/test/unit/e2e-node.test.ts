import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionNodeMajor, e2eNode } from '../support/e2e-node.js';

let dir: string;
/** A stand-in `node` that reports the given version, as `node --version` does. */
async function fakeNode(version: string): Promise<string> {
  const path = join(dir, `node-${version}`);
  await writeFile(path, `#!/bin/sh\necho ${version}\n`);
  await chmod(path, 0o755);
  return path;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'evalgate-e2e-node-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the Node the end-to-end suite runs the bundle with', () => {
  it("reads the Action's Node major from action.yml", () => {
    expect(actionNodeMajor()).toBe(24);
    expect(actionNodeMajor('runs:\n  using: "node20"\n  main: dist/index.js\n')).toBe(20);
    expect(() => actionNodeMajor('runs:\n  using: docker\n')).toThrow(/runs.using/);
  });

  it('uses the Node running the tests when EVALGATE_E2E_NODE is unset', () => {
    expect(e2eNode({}, 24)).toBe(process.execPath);
  });

  it('uses EVALGATE_E2E_NODE when it is the major action.yml asks for', async () => {
    const node24 = await fakeNode('v24.21.0');
    expect(e2eNode({ EVALGATE_E2E_NODE: node24 }, 24)).toBe(node24);
  });

  it('fails loudly when EVALGATE_E2E_NODE is another major or does not run', async () => {
    const node20 = await fakeNode('v20.20.2');
    expect(() => e2eNode({ EVALGATE_E2E_NODE: node20 }, 24)).toThrow(/is Node v20\.20\.2, but action\.yml runs the Action on node24/);
    expect(() => e2eNode({ EVALGATE_E2E_NODE: join(dir, 'missing') }, 24)).toThrow(/does not run/);
  });
});
