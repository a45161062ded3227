import type { Evaluation } from '@evalgate/core';
import { formatPercent, formatScore } from './format.js';

/** `avg 0.82 · min 0.41 · max 0.97 (n=200)` once scored, otherwise what happened. */
export function resultTitle(evaluation: Evaluation): string {
  const scores = evaluation.scores;
  if (scores && scores.count > 0) {
    return `avg ${formatScore(scores.avg)} · min ${formatScore(scores.min)} · max ${formatScore(scores.max)} (n=${scores.count})`;
  }
  switch (evaluation.status) {
    case 'completed':
      return 'Completed without scored samples';
    case 'failed':
      return 'Evaluation failed';
    case 'cancelled':
      return 'Evaluation cancelled';
    case 'timed_out':
      return 'Evaluation timed out';
    default:
      return `Evaluation ended as ${evaluation.rawStatus}`;
  }
}

/** `Running · 45% (9/20)` while the evaluation runs. */
export function progressTitle(evaluation: Evaluation): string {
  const state = evaluation.status === 'queued' ? 'Queued' : 'Running';
  const progress = evaluation.progress;
  const parts = [state];
  if (progress?.fraction !== undefined) parts.push(formatPercent(Math.min(1, Math.max(0, progress.fraction))));
  let title = parts.join(' · ');
  if (progress?.completed !== undefined && progress.total !== undefined) title += ` (${progress.completed}/${progress.total})`;
  return title;
}

export { formatScore };
