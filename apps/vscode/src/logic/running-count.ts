import type { Evaluation } from '@evalgate/core';

export interface ActiveCounts {
  running: number;
  queued: number;
}

export function countActive(evaluations: Iterable<Evaluation>): ActiveCounts {
  const counts = { running: 0, queued: 0 };
  for (const evaluation of evaluations) {
    if (evaluation.status === 'running') counts.running += 1;
    else if (evaluation.status === 'queued') counts.queued += 1;
  }
  return counts;
}

/** The status-bar text, or undefined to hide it when nothing is active. */
export function statusBarText(counts: ActiveCounts): string | undefined {
  if (counts.running === 0 && counts.queued === 0) return undefined;
  const queued = counts.queued > 0 ? `, ${counts.queued} queued` : '';
  return `$(sync~spin) ${counts.running} running${queued}`;
}
