// The verdict over a terminal evaluation for `evalgate wait` and `show`, with the Action's rules: a threshold met
// within floating-point tolerance passes; a failed or score-less evaluation fails; cancelled or timed out exits 3.
// `evalgate gate` takes its verdict from @evalgate/gate instead.
import { formatScore, type Evaluation } from '@evalgate/core';
import { EXIT } from '../exit-codes.js';
import type { Criterion, Outcome, RunStatus, Thresholds } from './types.js';

function runStatusOf(status: Evaluation['status']): RunStatus {
  return status === 'completed' || status === 'failed' || status === 'cancelled' || status === 'timed_out' ? status : 'error';
}

const TOLERANCE = 1e-9;

export function decideOutcome(evaluation: Evaluation, thresholds: Thresholds, timing: { startedAt: number; durationMs: number }): Outcome {
  const base = { evaluation, provider: evaluation.provider, ...timing };
  const inconclusive = (reason: string, exitCode: Outcome['exitCode'] = EXIT.gateFailed): Outcome => ({
    ...base,
    status: runStatusOf(evaluation.status),
    gate: 'inconclusive',
    criteria: [],
    reasons: [reason],
    exitCode,
  });
  switch (evaluation.status) {
    case 'completed':
      break;
    case 'cancelled':
      return inconclusive('The evaluation was cancelled.', EXIT.cancelledOrTimedOut);
    case 'timed_out':
      return inconclusive('The evaluation timed out at the provider.', EXIT.cancelledOrTimedOut);
    case 'failed':
      return inconclusive(`The evaluation failed${evaluation.errorMessage ? `: ${evaluation.errorMessage}` : '.'}`);
    default:
      return inconclusive(`The evaluation is not finished (status "${evaluation.rawStatus}").`);
  }
  const scores = evaluation.scores;
  if (!scores || scores.count === 0) return inconclusive('The evaluation completed without any scored sample.');

  const criteria: Criterion[] = [];
  const check = (input: string, label: string, actual: number, threshold: number | undefined): void => {
    if (threshold === undefined) return;
    const ok = actual >= threshold - TOLERANCE;
    criteria.push({ input, outcome: ok ? 'pass' : 'fail', threshold, detail: `${label} ${formatScore(actual)} ${ok ? '≥' : '<'} ${threshold} (${input})` });
  };
  check('min-avg-score', 'avg', scores.avg, thresholds.minAvgScore);
  check('min-min-score', 'min', scores.min, thresholds.minMinScore);
  const failed = criteria.filter((criterion) => criterion.outcome === 'fail');
  return {
    ...base,
    status: 'completed',
    gate: failed.length > 0 ? 'fail' : 'pass',
    criteria,
    reasons: failed.map((criterion) => criterion.detail),
    exitCode: failed.length > 0 ? EXIT.gateFailed : EXIT.pass,
  };
}
