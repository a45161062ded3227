// One vocabulary from what happened to the check conclusion, title, summary heading and the status/gate outputs.
// The table in apps/action/README.md ("Status and gate") documents it; keep the two in step.
import type { Evaluation, EvaluationStatus } from '@evalgate/core';

/**
 * How the run ended. The provider's terminal statuses, plus `error` when the action itself could not finish (bad
 * input, an API error, an unreadable answer). A workflow cancel is `cancelled`; `timeout-minutes` is `timed_out`.
 */
export type RunStatus = 'completed' | 'failed' | 'cancelled' | 'timed_out' | 'error';

/** Whether the evaluation met the thresholds; `inconclusive` whenever it did not complete with scores. */
export type Gate = 'pass' | 'fail' | 'inconclusive';

export const GATES: readonly Gate[] = ['pass', 'fail', 'inconclusive'];

/** How a host should mark the run, in GitHub's check conclusions (a CLI maps them to exit codes). */
export type Conclusion = 'success' | 'failure' | 'neutral' | 'cancelled' | 'timed_out';

export const RUN_STATUSES: readonly RunStatus[] = ['completed', 'failed', 'cancelled', 'timed_out', 'error'];

/**
 * The `status` a host reports for the whole step: how the run ended, or `skipped` when nothing was evaluated at all
 * (a fork pull request that GitHub gives no secrets). A skipped step's gate is always `inconclusive`.
 */
export type StepStatus = RunStatus | 'skipped';

/** The run status of an evaluation that reached a terminal status; anything else did not end properly. */
export function runStatusOf(status: EvaluationStatus): RunStatus {
  switch (status) {
    case 'completed':
    case 'failed':
    case 'cancelled':
    case 'timed_out':
      return status;
    default:
      return 'error';
  }
}

/** Words for a status in a sentence: "failed", "timed out". */
export const STATUS_WORDS: Record<RunStatus, string> = {
  completed: 'completed',
  failed: 'failed',
  cancelled: 'cancelled',
  timed_out: 'timed out',
  error: 'could not finish',
};

/** The summary heading: the gate when the evaluation completed, otherwise what happened (the gate is then inconclusive). */
export function statusHeading(status: RunStatus, gate: Gate): string {
  if (status === 'completed') return gate === 'pass' ? '✅ pass' : gate === 'fail' ? '❌ fail' : '⚪ inconclusive';
  const icon: Record<Exclude<RunStatus, 'completed'>, string> = { failed: '❌', cancelled: '⏹️', timed_out: '⏱️', error: '⚠️' };
  return `${icon[status]} evaluation ${STATUS_WORDS[status]} · gate inconclusive`;
}

/**
 * Scores of an evaluation that did not complete cover only the items done before it stopped: they are partial and
 * are never presented as the result.
 */
export function hasPartialScores(status: RunStatus, evaluation: Evaluation | undefined): boolean {
  return status !== 'completed' && !!evaluation?.scores && evaluation.scores.count > 0;
}
