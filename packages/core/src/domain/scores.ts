import type { Scores } from './evaluation.js';

/**
 * Aggregates per-sample scores. Non-finite values (NaN, ±Infinity) are ignored.
 * Returns `undefined` when no finite value remains: "no samples" is explicit, never a NaN average.
 */
export function aggregateScores(values: readonly number[]): Scores | undefined {
  const finite = values.filter((value) => typeof value === 'number' && Number.isFinite(value));
  if (finite.length === 0) return undefined;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const value of finite) {
    if (value < min) min = value;
    if (value > max) max = value;
    sum += value;
  }
  // Summing huge values can overflow; dividing first keeps every term bounded by max |value|.
  let avg = Number.isFinite(sum) ? sum / finite.length : finite.reduce((acc, value) => acc + value / finite.length, 0);
  // Floating-point rounding can push the mean a hair outside [min, max] (e.g. three times 0.1).
  avg = Math.min(max, Math.max(min, avg));
  return { avg, min, max, count: finite.length };
}
