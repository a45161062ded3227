import type { Evaluation } from '@evalgate/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideVerdict } from '../src/verdict/verdict.js';
import { withOverrides, type Overrides } from './support/overrides.js';

function evaluation(extra: Overrides<Evaluation> = {}): Evaluation {
  return withOverrides(
    {
      provider: 'prime',
      id: 'e',
      name: 'e',
      status: 'completed',
      rawStatus: 'COMPLETED',
      capabilities: { canCancel: false, canFinalize: true },
      scores: { avg: 0.8, min: 0.4, max: 1, count: 10 },
    },
    extra,
  );
}
const none = { note: 'none' };

describe('decideVerdict', () => {
  it('maps terminal statuses to conclusions', () => {
    expect(decideVerdict({ evaluation: evaluation({ status: 'cancelled' }), thresholds: {}, baseline: none, failOn: 'failure' })).toMatchObject({
      gate: 'inconclusive',
      conclusion: 'cancelled',
    });
    expect(decideVerdict({ evaluation: evaluation({ status: 'timed_out' }), thresholds: {}, baseline: none, failOn: 'failure' })).toMatchObject({
      gate: 'inconclusive',
      conclusion: 'timed_out',
    });
    expect(
      decideVerdict({ evaluation: evaluation({ status: 'failed', errorMessage: 'OOM' }), thresholds: {}, baseline: none, failOn: 'neutral' }),
    ).toMatchObject({ gate: 'inconclusive', conclusion: 'neutral', reasons: ['The evaluation failed: OOM'] });
    expect(decideVerdict({ evaluation: evaluation({ scores: undefined }), thresholds: {}, baseline: none, failOn: 'failure' })).toMatchObject({
      gate: 'inconclusive',
      conclusion: 'failure',
    });
  });

  it('meets a threshold equal to the score despite floating point', () => {
    const verdict = decideVerdict({
      evaluation: evaluation({ scores: { avg: 0.1 + 0.2, min: 0, max: 1, count: 2 } }),
      thresholds: { minAvgScore: 0.3 },
      baseline: none,
      failOn: 'failure',
    });
    expect(verdict.gate).toBe('pass');
    const regression = decideVerdict({
      evaluation: evaluation({ scores: { avg: 0.8, min: 0, max: 1, count: 2 } }),
      thresholds: { maxRegression: 0.05 },
      baseline: { note: '', baseline: { source: 'base-branch', description: 'main', scores: { avg: 0.85, min: 0, max: 1, count: 2 } } },
      failOn: 'failure',
    });
    expect(regression.gate).toBe('pass');
    expect(regression.delta).toBeCloseTo(-0.05);
  });

  it('passes exactly when every threshold holds (property)', () => {
    const score = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(score, score, score, fc.option(score, { nil: undefined }), fc.option(score, { nil: undefined }), (a, b, base, minAvg, minMin) => {
        const [min, avg] = a < b ? [a, b] : [b, a];
        const verdict = decideVerdict({
          evaluation: evaluation({ scores: { avg, min, max: 1, count: 3 } }),
          thresholds: {
            ...(minAvg !== undefined ? { minAvgScore: minAvg } : {}),
            ...(minMin !== undefined ? { minMinScore: minMin } : {}),
            maxRegression: 0.1,
          },
          baseline: { note: '', baseline: { source: 'base-branch', description: 'main', scores: { avg: base, min: 0, max: 1, count: 3 } } },
          failOn: 'failure',
        });
        const expected = (minAvg === undefined || avg >= minAvg - 1e-9) && (minMin === undefined || min >= minMin - 1e-9) && base - avg <= 0.1 + 1e-9;
        expect(verdict.gate).toBe(expected ? 'pass' : 'fail');
        expect(verdict.conclusion).toBe(expected ? 'success' : 'failure');
      }),
    );
  });
});
