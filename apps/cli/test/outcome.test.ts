import { AbortError, APIError, ConfigurationError, NotFoundError, WaitTimeoutError } from '@evalgate/core';
import { describe, expect, it } from 'vitest';
import { CliError } from '../src/cli-error.js';
import { exitCodeForError } from '../src/error-exit-code.js';
import { EXIT } from '../src/exit-codes.js';
import { decideOutcome } from '../src/outcome/decide.js';
import { evaluation } from './support/evaluation.js';

const timing = { startedAt: 0, durationMs: 1000 };

describe('exit codes', () => {
  it('are 0 pass, 1 gate failed, 2 configuration or provider error, 3 cancelled or timed out', () => {
    expect(EXIT).toEqual({ pass: 0, gateFailed: 1, configOrProvider: 2, cancelledOrTimedOut: 3 });
  });

  it('follow the verdict', () => {
    expect(decideOutcome(evaluation(), { minAvgScore: 0.8, minMinScore: 0.5 }, timing)).toMatchObject({ gate: 'pass', exitCode: 0 });
    expect(decideOutcome(evaluation(), {}, timing)).toMatchObject({ gate: 'pass', exitCode: 0, criteria: [] });
    expect(decideOutcome(evaluation(), { minAvgScore: 0.81 }, timing)).toMatchObject({
      gate: 'fail',
      exitCode: 1,
      reasons: ['avg 0.80 < 0.81 (min-avg-score)'],
    });
    expect(decideOutcome(evaluation({ scores: { avg: 0.1 + 0.2, min: 0.3, max: 0.3, count: 1 } }), { minAvgScore: 0.3 }, timing).gate).toBe('pass');
    expect(decideOutcome(evaluation({ status: 'failed', rawStatus: 'FAILED', errorMessage: 'OOM' }), {}, timing)).toMatchObject({
      gate: 'inconclusive',
      exitCode: 1,
      reasons: ['The evaluation failed: OOM'],
    });
    expect(decideOutcome(evaluation({ scores: undefined }), { minAvgScore: 0.1 }, timing)).toMatchObject({ gate: 'inconclusive', exitCode: 1 });
    expect(decideOutcome(evaluation({ status: 'cancelled', rawStatus: 'CANCELLED' }), {}, timing)).toMatchObject({ gate: 'inconclusive', exitCode: 3 });
    expect(decideOutcome(evaluation({ status: 'timed_out', rawStatus: 'TIMEOUT' }), {}, timing)).toMatchObject({ gate: 'inconclusive', exitCode: 3 });
  });

  it('follow the error', () => {
    expect(exitCodeForError(new ConfigurationError('bad'))).toBe(2);
    expect(exitCodeForError(new NotFoundError('gone', { provider: 'prime', status: 404 }))).toBe(2);
    expect(exitCodeForError(new APIError('boom', { provider: 'openai', status: 500 }))).toBe(2);
    expect(exitCodeForError(new Error('unexpected'))).toBe(2);
    expect(exitCodeForError(new AbortError('stop'))).toBe(3);
    expect(exitCodeForError(new WaitTimeoutError('late', { provider: 'nugen' }))).toBe(3);
    expect(exitCodeForError(new CliError('x', EXIT.cancelledOrTimedOut))).toBe(3);
  });
});
