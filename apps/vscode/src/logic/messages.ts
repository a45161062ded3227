import type { Evaluation, EvaluationStatus } from '@evalgate/core';
import { formatScore } from './format.js';
import { statusStyle } from './status-style.js';

/**
 * The cancel confirmation's buttons. VS Code makes the first button the default (Enter), so the non-destructive one
 * comes first; the close affordance (Escape, the dialog's X) keeps the evaluation running too, and is named so that
 * no button reads just "Cancel" beside "Cancel Evaluation".
 */
export const CANCEL_DIALOG = {
  keep: 'Keep Running',
  cancel: 'Cancel Evaluation',
  close: 'Close',
} as const;

export function cancelQuestion(name: string): { message: string; detail: string } {
  return { message: `Cancel evaluation "${name}"?`, detail: 'The provider stops it; this cannot be undone.' };
}

/** A cancel that lost the race with the evaluation's end (HTTP 409): what happened, in words. */
export function cancelTooLateMessage(name: string, latest: Evaluation | undefined): string {
  const ended = latest ? `had already ${statusStyle(latest.status).label}` : 'had already ended';
  return `"${name}" ${ended} before the cancel arrived, so there was nothing to cancel.`;
}

export type Severity = 'info' | 'warning' | 'error';

/** Finish notifications: a completed run is news, a failed or timed-out one is a problem. */
export function finishSeverity(status: EvaluationStatus): Severity {
  if (status === 'failed') return 'error';
  if (status === 'timed_out' || status === 'unknown') return 'warning';
  return 'info';
}

export function finishMessage(evaluation: Evaluation): string {
  const score = evaluation.scores ? ` (avg ${formatScore(evaluation.scores.avg)})` : '';
  const error = evaluation.errorMessage ? `: ${evaluation.errorMessage}` : '';
  return `Evaluation "${evaluation.name}" ${statusStyle(evaluation.status).label}${score}${error}.`;
}

/** What Copy ID puts on the clipboard: the provider's own id (an OpenAI run's id, not core's `<eval>/<run>`). */
export function copyableId(ref: { groupId?: string; evaluationId?: string }): string | undefined {
  if (ref.evaluationId !== undefined) {
    const prefix = ref.groupId !== undefined ? `${ref.groupId}/` : undefined;
    return prefix && ref.evaluationId.startsWith(prefix) ? ref.evaluationId.slice(prefix.length) : ref.evaluationId;
  }
  return ref.groupId;
}
