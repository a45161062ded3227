import type { Evaluation } from '@evalgate/core';
import type { Outcome } from '../outcome/types.js';

/** A stable, documented shape for scripts: `jq .gate`, `jq .evaluation.scores.avg`. */
export function renderOutcomeJson(outcome: Outcome): string {
  return `${JSON.stringify(
    {
      gate: outcome.gate,
      status: outcome.status,
      exitCode: outcome.exitCode,
      criteria: outcome.criteria,
      reasons: outcome.reasons,
      durationMs: outcome.durationMs,
      provider: outcome.provider,
      evaluation: outcome.evaluation ?? null,
    },
    null,
    2,
  )}\n`;
}

export function renderEvaluationsJson(evaluations: readonly Evaluation[] | Evaluation): string {
  return `${JSON.stringify(evaluations, null, 2)}\n`;
}
