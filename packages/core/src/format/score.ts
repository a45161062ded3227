/**
 * One rule for printing scores that are shown together (a title, a table, a badge), so they share one precision:
 *
 * - start at 2 decimals;
 * - add decimals until every nonzero value shows a significant digit (0.0004 prints 0.0004, not 0.00) and no value
 *   below 1 prints as 1 (0.9985 prints 0.999, not 1.00: that would read as a perfect score);
 * - stop at 6 decimals; beyond that, a nonzero value too small to show prints as `<0.000001` and a value just below 1
 *   prints as `>0.999999`, so neither is ever shown as 0 or 1.
 *
 * Exactly 0 and exactly 1 print as 0.00 and 1.00 (with the set's decimals). Outputs for machines never go through this:
 * they keep full precision.
 */
export const MIN_SCORE_DECIMALS = 2;
export const MAX_SCORE_DECIMALS = 6;

/** How many decimals a set of values shown together needs under the rule above. */
export function scoreDecimals(values: readonly number[]): number {
  const finite = values.filter((value) => Number.isFinite(value)).map(Math.abs);
  for (let decimals = MIN_SCORE_DECIMALS; decimals < MAX_SCORE_DECIMALS; decimals++) {
    if (finite.every((value) => showsTruthfully(value, decimals))) return decimals;
  }
  return MAX_SCORE_DECIMALS;
}

function showsTruthfully(magnitude: number, decimals: number): boolean {
  const shown = Number(magnitude.toFixed(decimals));
  if (magnitude !== 0 && shown === 0) return false;
  if (magnitude < 1 && shown >= 1) return false;
  return true;
}

/** `value` with `decimals` decimals, never rounded to 0 or 1 when it is neither (see the rule above). */
export function formatScoreWith(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  const sign = value < 0 ? '-' : '';
  if (!showsTruthfully(magnitude, decimals)) {
    const step = (1 / 10 ** decimals).toFixed(decimals);
    return magnitude < 1 && Number(magnitude.toFixed(decimals)) >= 1 ? `${sign}>${(1 - Number(step)).toFixed(decimals)}` : `${sign}<${step}`;
  }
  return `${sign}${magnitude.toFixed(decimals)}`;
}

/** One value on its own, by the rule above. */
export function formatScore(value: number): string {
  return formatScoreWith(value, scoreDecimals([value]));
}

/** Values shown together (e.g. avg, min and max in one title), all with the same decimals. */
export function formatScores(values: readonly number[]): string[] {
  const decimals = scoreDecimals(values);
  return values.map((value) => formatScoreWith(value, decimals));
}

/** A formatter bound to the decimals of a set, for tables that print the set piece by piece. */
export function scoreFormatter(values: readonly number[]): (value: number) => string {
  const decimals = scoreDecimals(values);
  return (value) => formatScoreWith(value, decimals);
}
