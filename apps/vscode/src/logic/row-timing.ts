import { isTerminal, type Evaluation } from '@evalgate/core';
import { formatDuration, formatTimestamp } from './format.js';
import { relativeTime } from './relative-time.js';

/**
 * The moments a row's tooltip tells relative to now ("started 3 min ago"), kept as data on the row: the row itself
 * stays the same from one poll to the next (a redraw closes an open tooltip), and the words are computed when VS Code
 * asks for the tooltip.
 */
export interface RowTiming {
  /** ms since epoch. */
  createdAt?: number;
  /** When it ended (ms since epoch), for a finished evaluation whose provider says. */
  endedAt?: number;
  finished: boolean;
}

export function evaluationTiming(evaluation: Evaluation): RowTiming | undefined {
  const finished = isTerminal(evaluation.status);
  const createdAt = evaluation.createdAt?.getTime();
  const endedAt = finished ? evaluation.updatedAt?.getTime() : undefined;
  if (createdAt === undefined && endedAt === undefined) return undefined;
  return { ...(createdAt !== undefined ? { createdAt } : {}), ...(endedAt !== undefined ? { endedAt } : {}), finished };
}

/** Markdown list lines: when it started and ended, relative to `now` with the exact UTC time, and how long it took. */
export function timingLines(timing: RowTiming, now: number): string[] {
  const lines: string[] = [];
  const at = (ms: number) => `${relativeTime(new Date(ms), now)} (${formatTimestamp(new Date(ms))})`;
  if (timing.createdAt !== undefined) lines.push(`- Started: ${at(timing.createdAt)}`);
  if (timing.endedAt !== undefined) lines.push(`- Finished: ${at(timing.endedAt)}`);
  if (timing.createdAt !== undefined && timing.finished && timing.endedAt !== undefined) {
    lines.push(`- Duration: ${formatDuration(timing.endedAt - timing.createdAt)}`);
  } else if (timing.createdAt !== undefined && !timing.finished) {
    lines.push(`- Duration: ${formatDuration(now - timing.createdAt)} so far`);
  }
  return lines;
}

/** A row's whole tooltip at `now`: its fixed Markdown, then its times. */
export function tooltipAt(row: { tooltip?: string; timing?: RowTiming }, now: number): string | undefined {
  if (!row.timing) return row.tooltip;
  return [row.tooltip ?? '', ...timingLines(row.timing, now)].join('\n');
}
