import type { Evaluation } from '@evalgate/core';
import { formatPercent, formatScores } from './format.js';
import { STATUS_WORDS, hasPartialScores, type RunStatus } from '../status.js';

/**
 * The check title of a finished run: `avg 0.82 · min 0.41 · max 0.97 (n=200)` when the evaluation completed with
 * scores; `failed after 20/40 · avg 0.46 over completed items` when it stopped with partial scores; otherwise what
 * happened. Provider text never goes into a title (titles are plain text shown in many places).
 */
export function resultTitle(status: RunStatus, evaluation: Evaluation | undefined): string {
  const scores = evaluation?.scores;
  if (status === 'completed' && scores && scores.count > 0) {
    const [avg, min, max] = formatScores([scores.avg, scores.min, scores.max]);
    return `avg ${avg} · min ${min} · max ${max} (n=${scores.count})`;
  }
  if (evaluation && scores && hasPartialScores(status, evaluation)) {
    const [avg] = formatScores([scores.avg]);
    return `${STATUS_WORDS[status]} after ${doneOfTotal(evaluation)} · avg ${avg} over completed items`;
  }
  switch (status) {
    case 'completed':
      return 'Completed without scored samples';
    case 'failed':
      return 'Evaluation failed';
    case 'cancelled':
      return 'Evaluation cancelled';
    case 'timed_out':
      return 'Evaluation timed out';
    case 'error':
      return 'evalgate could not finish';
  }
}

/** The items the partial scores cover, out of the total when the provider says it: `20/40`, else `20 items`. */
function doneOfTotal(evaluation: Evaluation): string {
  const done = evaluation.scores?.count ?? 0;
  const total = evaluation.progress?.total;
  return total !== undefined && total >= done ? `${done}/${total}` : `${done} items`;
}

/** `Running · 45% (9/20)` while the evaluation runs; an unrecognised status shows as the provider sent it. */
export function progressTitle(evaluation: Evaluation): string {
  const state =
    evaluation.status === 'queued'
      ? 'Queued'
      : evaluation.status === 'running'
        ? 'Running'
        : evaluation.status === 'unknown'
          ? `Status ${printable(evaluation.rawStatus)}`
          : capitalize(STATUS_WORDS[evaluation.status]);
  const progress = evaluation.progress;
  const parts = [state];
  if (progress?.fraction !== undefined) parts.push(formatPercent(Math.min(1, Math.max(0, progress.fraction))));
  let title = parts.join(' · ');
  if (progress?.completed !== undefined && progress.total !== undefined) title += ` (${progress.completed}/${progress.total})`;
  return title;
}

/** The log line of a state change: the normalized status beside the provider's own, e.g. `running (provider: IN_PROGRESS)`. */
export function statusLine(evaluation: Evaluation): string {
  const progress = progressTitle(evaluation)
    .replace(/^[^·(]*/, '')
    .trim();
  return `${evaluation.status} (provider: ${printable(evaluation.rawStatus)})${progress ? ` ${progress}` : ''}`;
}

/** A provider status for a title or log line: one line, bounded, quoted. */
function printable(raw: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a title must not carry
  const clean = raw.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return JSON.stringify(clean.length > 40 ? `${clean.slice(0, 40)}…` : clean);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
