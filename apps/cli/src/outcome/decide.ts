// The verdict for `evalgate wait` and the exit code it ends with. The verdict is the gate's own (decideVerdict), so a
// threshold means the same here as in `evalgate gate` and the Action; only the mapping to an exit code is the CLI's.
import type { Evaluation } from '@evalgate/core';
import { decideVerdict, runStatusOf } from '@evalgate/gate';
import { EXIT, type ExitCode } from '../exit-codes.js';
import type { Criterion, Outcome, RunStatus, Thresholds } from './types.js';

const THRESHOLD_OF: Record<string, keyof Thresholds> = { 'min-avg-score': 'minAvgScore', 'min-min-score': 'minMinScore' };

function exitCodeOf(status: RunStatus, gate: Outcome['gate']): ExitCode {
  if (status === 'cancelled' || status === 'timed_out') return EXIT.cancelledOrTimedOut;
  return gate === 'pass' ? EXIT.pass : EXIT.gateFailed;
}

export function decideOutcome(evaluation: Evaluation, thresholds: Thresholds, timing: { startedAt: number; durationMs: number }): Outcome {
  const verdict = decideVerdict({ evaluation, thresholds, baseline: { note: 'no baseline: evalgate wait judges one evaluation' }, failOn: 'failure' });
  const status = runStatusOf(evaluation.status);
  const criteria: Criterion[] = verdict.criteria.map((criterion) => {
    const key = THRESHOLD_OF[criterion.input];
    const threshold = key === undefined ? undefined : thresholds[key];
    return { input: criterion.input, outcome: criterion.outcome, detail: criterion.detail, ...(threshold !== undefined ? { threshold } : {}) };
  });
  return {
    evaluation,
    provider: evaluation.provider,
    status,
    gate: verdict.gate,
    criteria,
    reasons: verdict.reasons,
    exitCode: exitCodeOf(status, verdict.gate),
    ...timing,
  };
}
