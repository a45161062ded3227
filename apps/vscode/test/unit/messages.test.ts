import type { Evaluation } from '@evalgate/core';
import { describe, expect, it } from 'vitest';
import { evaluationAccessibilityLabel } from '../../src/logic/evaluation-text.js';
import { withOverrides } from './helpers/overrides.js';
import { CANCEL_DIALOG, cancelTooLateMessage, copyableId, finishMessage, finishSeverity } from '../../src/logic/messages.js';

const run: Evaluation = {
  provider: 'openai',
  id: 'eval_abc/evalrun_def',
  name: 'nightly',
  status: 'completed',
  rawStatus: 'completed',
  capabilities: { canCancel: false, canFinalize: false },
  scores: { avg: 0.8, min: 0.5, max: 1, count: 4 },
};

describe('user-facing wording', () => {
  it('the cancel dialog defaults to keeping the evaluation and never shows a bare "Cancel"', () => {
    const order = [CANCEL_DIALOG.keep, CANCEL_DIALOG.cancel, CANCEL_DIALOG.close];
    expect(order[0]).toBe('Keep Running');
    expect(order).toContain('Cancel Evaluation');
    expect(order).not.toContain('Cancel');
  });

  it('a cancel that lost the race says the evaluation had already ended', () => {
    expect(cancelTooLateMessage('nightly', run)).toBe('"nightly" had already completed before the cancel arrived, so there was nothing to cancel.');
    expect(cancelTooLateMessage('nightly', undefined)).toMatch(/had already ended/);
    expect(cancelTooLateMessage('nightly', run)).not.toMatch(/409|HTTP/);
  });

  it('notifies failures as errors, time-outs as warnings, completions as information', () => {
    expect(finishSeverity('failed')).toBe('error');
    expect(finishSeverity('timed_out')).toBe('warning');
    expect(finishSeverity('completed')).toBe('info');
    expect(finishSeverity('cancelled')).toBe('info');
    expect(finishMessage(withOverrides(run, { status: 'failed', scores: undefined, errorMessage: 'judge crashed' }))).toBe(
      'Evaluation "nightly" failed: judge crashed.',
    );
    expect(finishMessage(run)).toBe('Evaluation "nightly" completed (avg 0.80).');
  });

  it("Copy ID copies an OpenAI run id, not core's eval/run pair", () => {
    expect(copyableId({ groupId: 'eval_abc', evaluationId: 'eval_abc/evalrun_def' })).toBe('evalrun_def');
    expect(copyableId({ groupId: 'eval_abc' })).toBe('eval_abc');
    expect(copyableId({ evaluationId: 'ev-1' })).toBe('ev-1');
    expect(copyableId({})).toBeUndefined();
  });

  it('rows say their status to a screen reader', () => {
    expect(evaluationAccessibilityLabel(run)).toBe('nightly, evaluation, completed, avg 0.80');
    expect(evaluationAccessibilityLabel(withOverrides(run, { status: 'failed', scores: undefined }))).toBe('nightly, evaluation, failed');
  });
});
