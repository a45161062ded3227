import type { Scores } from '../../domain/evaluation.js';
import { aggregateScores } from '../../domain/scores.js';

/** `<metric>_mean/_min/_max/_std` aggregates (NUGEN-6). */
const STAT_KEY = /^(.+)_(mean|min|max|std)$/;
/** Which metric stands for "the score" when several are reported: these first, then alphabetical order. */
const PREFERRED_METRICS = ['score', 'overall_score', 'average_score'];

type Stats = Partial<Record<'mean' | 'min' | 'max' | 'std', number>>;

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function statsByMetric(metrics: Record<string, unknown>): Map<string, Stats> {
  const byMetric = new Map<string, Stats>();
  for (const [key, value] of Object.entries(metrics)) {
    const match = STAT_KEY.exec(key);
    if (!match || !finite(value)) continue;
    const [, metric = '', stat] = match;
    const stats = byMetric.get(metric) ?? {};
    stats[stat as keyof Stats] = value;
    byMetric.set(metric, stats);
  }
  return byMetric;
}

/** A sample count the aggregates carry (`total_questions` in the results example); 0 when they carry none. */
function countOf(metrics: Record<string, unknown>): number {
  const total = metrics.total_questions;
  return finite(total) && Number.isSafeInteger(total) && total >= 0 ? total : 0;
}

/**
 * Scores from `<metric>_mean/_min/_max` keys of one metrics object (a list item's, or one model's in comparison mode).
 * The metric is `score`, `overall_score` or `average_score` when present, else the first one alphabetically that has
 * all three statistics. `count` is 0 when no sample count is reported: the figures are the provider's aggregates.
 */
export function scoresFromStatKeys(metrics: Record<string, unknown> | null | undefined): Scores | undefined {
  if (!metrics) return undefined;
  const complete = [...statsByMetric(metrics)].filter(
    (entry): entry is [string, Required<Pick<Stats, 'mean' | 'min' | 'max'>> & Stats] => finite(entry[1].mean) && finite(entry[1].min) && finite(entry[1].max),
  );
  if (complete.length === 0) return undefined;
  complete.sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const [, stats] = complete[0] as [string, { mean: number; min: number; max: number }];
  return { avg: stats.mean, min: stats.min, max: stats.max, count: countOf(metrics) };
}

function rank(metric: string): number {
  const index = PREFERRED_METRICS.indexOf(metric);
  return index === -1 ? PREFERRED_METRICS.length : index;
}

/** Per-question scores of the download file (`detailed_results[].score`); rows without a numeric score are skipped. */
export function scoresFromDetailedResults(rows: ReadonlyArray<{ score?: unknown }> | null | undefined): Scores | undefined {
  if (!rows) return undefined;
  return aggregateScores(rows.map((row) => row.score).filter(finite));
}

/**
 * Pass rate from the results' `correct_answers` / `total_questions` (both in the documented results example); Nugen
 * marks no question as passed or failed, so there is no other source.
 */
export function passRateOf(metrics: Record<string, unknown> | null | undefined): number | undefined {
  const correct = metrics?.correct_answers;
  const total = metrics?.total_questions;
  if (!finite(correct) || !finite(total) || total <= 0 || correct < 0 || correct > total) return undefined;
  return correct / total;
}
