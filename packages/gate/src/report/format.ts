import { formatScore } from '@evalgate/core';

// Scores follow core's one rule (see @evalgate/core format/score.ts); this file only adds the action's other numbers.
export { formatScore, formatScores, scoreFormatter } from '@evalgate/core';

/** A signed difference with a real minus sign: +0.03, −0.10, ±0.00; `format` shares a table's precision. */
export function formatDelta(value: number, format: (value: number) => string = formatScore): string {
  const text = format(Math.abs(value));
  if (Number(text.replace(/^[<>]/, '')) === 0 && !text.startsWith('<')) return `±${text}`;
  return value > 0 ? `+${text}` : `−${text}`;
}

export function formatPercent(fraction: number): string {
  return `${(fraction * 100).toFixed(1).replace(/\.0$/, '')}%`;
}
