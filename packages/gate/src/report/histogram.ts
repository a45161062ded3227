// The distribution of per-sample scores as text: Unicode block characters render wherever GitHub shows Markdown
// (check run summaries, job summaries, PR comments, notification e-mails, the mobile app), where an image would need a
// host and Mermaid renders on github.com only.
import { scoreFormatter } from './format.js';

export interface Histogram {
  /** Lower edge of the first bin. */
  lower: number;
  /** Upper edge of the last bin (included in it). */
  upper: number;
  /** Samples per bin, lowest scores first. */
  counts: number[];
  /** Samples binned. */
  total: number;
  /** Samples without a finite score, left out. */
  unscored: number;
}

/** Bins of the one-line histogram (check run, PR comment). */
export const COMPACT_BINS = 10;
/** Bins of the full-size histogram (job summary). */
export const FULL_BINS = 20;
/** Characters of the longest bar in the full-size histogram. */
const FULL_BAR_WIDTH = 32;

const LEVELS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/**
 * Counts `scores` into `bins` equal bins. Scores all within [0, 1] use [0, 1], so runs compare at a glance; other
 * scales (rewards, 1–5 ratings) use the scores' own range.
 */
export function binScores(scores: readonly (number | undefined)[], bins: number): Histogram {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`bins must be a positive integer (got ${bins})`);
  const finite = scores.filter((score): score is number => typeof score === 'number' && Number.isFinite(score));
  const unscored = scores.length - finite.length;
  const counts = new Array<number>(bins).fill(0);
  if (finite.length === 0) return { lower: 0, upper: 1, counts, total: 0, unscored };
  let low = Infinity;
  let high = -Infinity;
  for (const score of finite) {
    if (score < low) low = score;
    if (score > high) high = score;
  }
  const unit = low >= 0 && high <= 1;
  const lower = unit ? 0 : low;
  // One value only: a bin of width 1 around it keeps the arithmetic finite.
  const upper = unit ? 1 : high > low ? high : low + 1;
  for (const score of finite) {
    const index = Math.min(bins - 1, Math.floor(((score - lower) / (upper - lower)) * bins));
    counts[index]! += 1;
  }
  return { lower, upper, counts, total: finite.length, unscored };
}

/** One character per bin, ▁ to █ scaled to the fullest bin; an empty bin is a space, so "few" differs from "none". */
export function blockBars(counts: readonly number[]): string {
  const most = Math.max(0, ...counts);
  return counts.map((count) => (count <= 0 || most === 0 ? ' ' : LEVELS[Math.max(1, Math.ceil((count / most) * LEVELS.length)) - 1])).join('');
}

function samplesPhrase(histogram: Histogram): string {
  const parts = [`${histogram.total} ${histogram.total === 1 ? 'sample' : 'samples'}`];
  if (histogram.unscored > 0) parts.push(`${histogram.unscored} without a score`);
  return parts.join(', ');
}

/**
 * The one-line histogram for the check run and the PR comment, e.g. "Scores per sample: `0 ▁▂▃▅█▇▃▁ ▁ 1` (40 samples)";
 * undefined when no sample has a score. `note` (e.g. "first 1000 of 5000") is appended in the parentheses.
 */
export function compactHistogram(scores: readonly (number | undefined)[], note?: string): string | undefined {
  const histogram = binScores(scores, COMPACT_BINS);
  if (histogram.total === 0) return undefined;
  const bars = blockBars(histogram.counts);
  const format = scoreFormatter([histogram.lower, histogram.upper]);
  const details = [samplesPhrase(histogram), ...(note ? [note] : [])].join('; ');
  return `Scores per sample: \`${format(histogram.lower)} ${bars} ${format(histogram.upper)}\` (${details})`;
}

/** A bar `width` eighths long, in whole blocks plus one partial block. */
function bar(eighths: number): string {
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

/**
 * The full-size histogram for the job summary: one row per bin with its score range, a bar and the count, in a fenced
 * text block (monospace, so the bars line up). Undefined when no sample has a score.
 */
export function fullHistogram(scores: readonly (number | undefined)[], note?: string): string[] | undefined {
  const histogram = binScores(scores, FULL_BINS);
  if (histogram.total === 0) return undefined;
  const { lower, upper, counts } = histogram;
  const width = (upper - lower) / counts.length;
  const edges = counts.map((_, index) => [lower + index * width, index === counts.length - 1 ? upper : lower + (index + 1) * width] as const);
  const format = scoreFormatter(edges.flat());
  const labels = edges.map(([from, to]) => `${format(from)}–${format(to)}`);
  const labelWidth = Math.max(...labels.map((label) => label.length));
  const most = Math.max(...counts);
  const countWidth = String(most).length;
  const rows = counts.map((count, index) => {
    // A non-empty bin always shows at least a sliver.
    const eighths = count === 0 ? 0 : Math.max(1, Math.round((count / most) * FULL_BAR_WIDTH * 8));
    return `${labels[index]!.padStart(labelWidth)} │${bar(eighths).padEnd(FULL_BAR_WIDTH)}│ ${String(count).padStart(countWidth)}`;
  });
  const details = [samplesPhrase(histogram), ...(note ? [note] : [])].join('; ');
  return [`**Scores per sample** (${details})`, '', '```text', ...rows, '```'];
}
