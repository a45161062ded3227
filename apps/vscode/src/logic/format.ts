// Scores print by the one rule the Action's check, summary and badge use (core's format/score.ts): values shown
// together share their decimals, and none reads as 0 or 1 when it is neither.
export { formatScore, formatScores } from '@evalgate/core';

/** `2026-11-25 14:03:12 UTC`: unambiguous whatever the user's locale. */
export function formatTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** `12s`, `3m 05s`, `1h 02m`. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours}h ${String(minutes).padStart(2, '0')}m`;
  if (minutes > 0) return `${minutes}m ${String(seconds).padStart(2, '0')}s`;
  return `${seconds}s`;
}

/**
 * Escapes Markdown so provider-chosen text cannot inject links, HTML, formatting or new blocks into a tooltip:
 * every ASCII punctuation character is backslash-escaped (CommonMark allows that for all of them, and it also
 * defeats autolinks such as `https://…` and `www.…`), and line breaks become spaces.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(/[!-/:-@[-`{-~]/g, (char) => `\\${char}`);
}

/**
 * Inline code whose content cannot close it early: the fence is one backtick longer than the longest run inside,
 * padded with spaces when the content starts or ends with a backtick (CommonMark code spans).
 */
export function codeSpan(text: string): string {
  const content = oneLine(text);
  const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = content.startsWith('`') || content.endsWith('`') || content === '' ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}
