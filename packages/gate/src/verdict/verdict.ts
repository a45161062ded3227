import type { Evaluation } from '@evalgate/core';
import type { Thresholds } from '../settings/types.js';
import { formatDelta, formatScore } from '../report/format.js';
import type { BaselineLookup, Criterion, Verdict } from './types.js';

/** Scores are computed in floating point; a value this close to a threshold meets it. */
const TOLERANCE = 1e-9;

export interface VerdictInput {
  evaluation: Evaluation;
  thresholds: Thresholds;
  baseline: BaselineLookup;
  failOn: 'failure' | 'neutral';
  timeoutMinutes?: number;
}

/** The gate and the check conclusion for a terminal evaluation. */
export function decideVerdict(input: VerdictInput): Verdict {
  const { evaluation, thresholds, baseline, failOn } = input;
  const failing = failOn === 'neutral' ? 'neutral' : 'failure';
  const inconclusive = (reason: string, conclusion: Verdict['conclusion'] = failing): Verdict => ({
    gate: 'inconclusive',
    conclusion,
    criteria: [],
    reasons: [reason],
  });

  switch (evaluation.status) {
    case 'completed':
      break;
    case 'cancelled':
      return inconclusive('The evaluation was cancelled.', 'cancelled');
    case 'timed_out':
      return inconclusive('The evaluation timed out at the provider.', 'timed_out');
    case 'failed':
      return inconclusive(`The evaluation failed${evaluation.errorMessage ? `: ${evaluation.errorMessage}` : '.'}`);
    default:
      return inconclusive(`The evaluation ended in an unexpected status "${evaluation.rawStatus}".`);
  }
  const scores = evaluation.scores;
  if (!scores || scores.count === 0) return inconclusive('The evaluation completed without any scored sample.');

  const criteria: Criterion[] = [];
  if (thresholds.minAvgScore !== undefined) {
    const ok = scores.avg >= thresholds.minAvgScore - TOLERANCE;
    criteria.push({
      input: 'min-avg-score',
      outcome: ok ? 'pass' : 'fail',
      detail: `avg ${formatScore(scores.avg)} ${ok ? '≥' : '<'} ${thresholds.minAvgScore} (min-avg-score)`,
    });
  }
  if (thresholds.minMinScore !== undefined) {
    const ok = scores.min >= thresholds.minMinScore - TOLERANCE;
    criteria.push({
      input: 'min-min-score',
      outcome: ok ? 'pass' : 'fail',
      detail: `min ${formatScore(scores.min)} ${ok ? '≥' : '<'} ${thresholds.minMinScore} (min-min-score)`,
    });
  }
  const base = baseline.baseline;
  const delta = base ? scores.avg - base.scores.avg : undefined;
  if (thresholds.maxRegression !== undefined) {
    if (delta === undefined) {
      criteria.push({ input: 'max-regression', outcome: 'skipped', detail: `regression not checked: ${baseline.note}` });
    } else {
      const drop = -delta;
      const ok = drop <= thresholds.maxRegression + TOLERANCE;
      criteria.push({
        input: 'max-regression',
        outcome: ok ? 'pass' : 'fail',
        detail: `avg ${formatDelta(delta)} against the baseline ${formatScore(base!.scores.avg)}; allowed drop ${thresholds.maxRegression} (max-regression)`,
      });
    }
  }
  const failed = criteria.filter((criterion) => criterion.outcome === 'fail');
  const verdict: Verdict = {
    gate: failed.length > 0 ? 'fail' : 'pass',
    conclusion: failed.length > 0 ? failing : 'success',
    criteria,
    reasons: failed.map((criterion) => criterion.detail),
  };
  if (delta !== undefined) verdict.delta = delta;
  return verdict;
}
