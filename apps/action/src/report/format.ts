/** Scores as people read them: two decimals, more only when that would show 0.00 for a non-zero value. */
export function formatScore(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value !== 0 && Math.abs(value) < 0.005) return value.toPrecision(2);
  return value.toFixed(2);
}

/** A signed difference with a real minus sign: +0.03, −0.10, ±0.00. */
export function formatDelta(value: number): string {
  const text = formatScore(Math.abs(value));
  if (Number(text) === 0) return `±${text}`;
  return value > 0 ? `+${text}` : `−${text}`;
}

export function formatPercent(fraction: number): string {
  return `${(fraction * 100).toFixed(1).replace(/\.0$/, '')}%`;
}
