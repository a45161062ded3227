// The root action.yml (uses: <owner>/evalgate@v1) must offer exactly the Action's inputs and outputs and run its bundle.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ACTION_YML, ROOT_ACTION_YML, rootActionYml } from '../../scripts/root-action-yml.mjs';

const app = readFileSync(APP_ACTION_YML, 'utf8');
const root = readFileSync(ROOT_ACTION_YML, 'utf8');

/** The keys directly under a top-level section (`inputs:`, `outputs:`), read from the two-space indented YAML. */
function keysOf(yml: string, section: string): string[] {
  const body = yml.split(`\n${section}:\n`)[1]?.split(/\n(?=\S)/)[0] ?? '';
  return [...body.matchAll(/^ {2}([a-z0-9-]+):/gm)].map((match) => match[1]!);
}

describe('the root action.yml', () => {
  it('is apps/action/action.yml with the bundle paths under apps/action/ (fix: node apps/action/scripts/root-action-yml.mjs)', () => {
    expect(root).toBe(rootActionYml(app));
  });

  it('has the same inputs and outputs, in the same order', () => {
    expect(keysOf(app, 'inputs').length).toBeGreaterThan(10);
    expect(keysOf(root, 'inputs')).toEqual(keysOf(app, 'inputs'));
    expect(keysOf(app, 'outputs')).toContain('gate');
    expect(keysOf(root, 'outputs')).toEqual(keysOf(app, 'outputs'));
  });

  it('runs the committed bundle and its post step', () => {
    const paths = [...root.matchAll(/^ {2}(main|post): (\S+)$/gm)].map((match) => [match[1], match[2]]);
    expect(paths).toEqual([
      ['main', 'apps/action/dist/index.js'],
      ['post', 'apps/action/dist/post.js'],
    ]);
    for (const [, path] of paths) expect(existsSync(join(dirname(ROOT_ACTION_YML), path!))).toBe(true);
  });
});
