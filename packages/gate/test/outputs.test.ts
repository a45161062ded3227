import { describe, expect, it } from 'vitest';
import { OUTPUT_NAMES, skippedOutputValues } from '../src/index.js';

describe('the outputs of a skipped step', () => {
  const reason = 'evalgate skipped: pull request #7 comes from a fork';
  const outputs = skippedOutputValues(reason);

  it('define every output, so a workflow reading one gets a value of the documented vocabulary', () => {
    expect(Object.keys(outputs).sort()).toEqual([...OUTPUT_NAMES].sort());
    expect(outputs).toMatchObject({ status: 'skipped', gate: 'inconclusive', 'evaluation-id': '', 'total-samples': '0', 'avg-score': '', 'report-url': '' });
  });

  it('carry the reason in result-json, with the fields a workflow checks first', () => {
    expect(JSON.parse(outputs['result-json'])).toEqual({
      version: 1,
      status: 'skipped',
      gate: 'inconclusive',
      evaluationId: null,
      scores: null,
      reasons: [reason],
    });
  });
});
