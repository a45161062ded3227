// action.yml is what the runner reads; the input table is what the code parses. They must say the same.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SettingSpec } from '@evalgate/gate';
import { ACTION_INPUTS, INPUT_NAMES } from '../../src/inputs/table.js';

/** The `default:` of each input in action.yml (flat two-level YAML, read without a YAML library). */
function actionYmlDefaults(): Record<string, string | undefined> {
  const text = readFileSync(new URL('../../action.yml', import.meta.url), 'utf8');
  const inputs = text.slice(text.indexOf('\ninputs:\n'), text.indexOf('\noutputs:\n'));
  const defaults: Record<string, string | undefined> = {};
  for (const block of inputs.split(/\n {2}(?=[a-z][a-z-]*:\n)/).slice(1)) {
    const name = block.slice(0, block.indexOf(':'));
    const match = /\n {4}default: "?([^"\n]*)"?/.exec(block);
    defaults[name] = match?.[1];
  }
  return defaults;
}

describe('action.yml', () => {
  it('declares every input of the table with the same defaults', () => {
    const defaults = actionYmlDefaults();
    expect(Object.keys(defaults).sort()).toEqual([...INPUT_NAMES].sort());
    for (const name of INPUT_NAMES) {
      const spec: SettingSpec = ACTION_INPUTS[name];
      expect(defaults[name], name).toBe(spec.default);
    }
  });
});
