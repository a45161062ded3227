// action.yml is what the runner reads; the input table (gate settings + the Action's own) and the output names are
// what the code parses and writes. They must say the same: names, required, defaults and descriptions.
import { readFileSync } from 'node:fs';
import { OUTPUT_NAMES, type SettingSpec } from '@evalgate/gate';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { actionInputs, inputNames } from '../../src/inputs/table.js';

const manifestSchema = z.object({
  inputs: z.record(z.string(), z.strictObject({ description: z.string().min(1), required: z.boolean(), default: z.string().optional() })),
  outputs: z.record(z.string(), z.strictObject({ description: z.string().min(1) })),
});

const manifest = manifestSchema.parse(load(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')));

describe('action.yml', () => {
  it('declares exactly the inputs of the table, in its order', () => {
    expect(Object.keys(manifest.inputs)).toEqual(inputNames());
  });

  it.each(inputNames())('%s: same description, required and default as the table', (name) => {
    // The name comes from the same table.
    const spec = actionInputs()[name] as SettingSpec;
    const declared = manifest.inputs[name];
    expect(declared).toEqual({ description: spec.description, required: spec.required, ...(spec.default !== undefined ? { default: spec.default } : {}) });
  });

  it('declares exactly the outputs the Action writes, each described', () => {
    expect(Object.keys(manifest.outputs).sort()).toEqual([...OUTPUT_NAMES].sort());
  });
});
