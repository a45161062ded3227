import type { Evaluation } from '@evalgate/core';
import type { Outcome } from '../outcome/types.js';

/** A stable, documented shape for scripts: `jq .gate`, `jq .evaluation.scores.avg`. */
export function renderOutcomeJson(outcome: Outcome): string {
  return `${JSON.stringify(
    {
      gate: outcome.gate,
      exitCode: outcome.exitCode,
      criteria: outcome.criteria,
      reasons: outcome.reasons,
      durationMs: outcome.durationMs,
      evaluation: outcome.evaluation,
    },
    null,
    2,
  )}\n`;
}

export function renderEvaluationsJson(evaluations: readonly Evaluation[] | Evaluation): string {
  return `${JSON.stringify(evaluations, null, 2)}\n`;
}
