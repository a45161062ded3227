// The trend of the last evaluations on the base branch, as a sparkline (check run, PR comment) and a small table (job
// summary). Text only, for the same reason as the histogram (histogram.ts).
import { codeSpan, escapeText } from './escape.js';
import { formatDelta, scoreFormatter } from './format.js';

/** One earlier evaluation on the base branch. */
export interface TrendPoint {
  evaluationId: string;
  avg: number;
  createdAt?: Date;
}

export interface Trend {
  /** The base branch, as the event named it (untrusted text: escaped where shown). */
  branch: string;
  /** Oldest first. */
  points: TrendPoint[];
}

/** Evaluations the trend shows at most. */
export const TREND_LENGTH = 10;

const LEVELS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** One character per value, ▁ at the lowest to █ at the highest; a flat series sits in the middle. */
export function sparkline(values: readonly number[]): string {
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return '';
  const low = Math.min(...finite);
  const high = Math.max(...finite);
  return values
    .map((value) => {
      if (!Number.isFinite(value)) return ' ';
      if (high === low) return LEVELS[3];
      return LEVELS[Math.round(((value - low) / (high - low)) * (LEVELS.length - 1))];
    })
    .join('');
}

function evaluationsPhrase(count: number): string {
  return count === 1 ? 'the last evaluation' : `the last ${count} evaluations`;
}

/**
 * One line, e.g. "Trend on main (the last 6 evaluations, oldest first, then this run): `▃▄▄▅▆│▇` 0.61 → 0.64, this run
 * 0.66". The sparkline is scaled over the base branch's values and this run's together, so this run's bar compares.
 * Undefined when the base branch has no earlier evaluation.
 */
export function compactTrend(trend: Trend, current: number | undefined): string | undefined {
  const points = trend.points.slice(-TREND_LENGTH);
  if (points.length === 0) return undefined;
  const values = points.map((point) => point.avg);
  const withCurrent = current === undefined ? values : [...values, current];
  const line = sparkline(withCurrent);
  const shown = current === undefined ? line : `${line.slice(0, -1)}│${line.slice(-1)}`;
  const format = scoreFormatter(withCurrent);
  const first = format(values[0]!);
  const last = format(values[values.length - 1]!);
  const range = values.length === 1 ? first : `${first} → ${last}`;
  const heading = `Trend on ${escapeText(trend.branch)} (${evaluationsPhrase(points.length)}, oldest first${current === undefined ? '' : ', then this run'})`;
  return `${heading}: \`${shown}\` avg ${range}${current === undefined ? '' : `, this run ${format(current)}`}`;
}

/** A code span safe inside a table cell: GFM splits cells on a pipe even inside code, unless it is escaped. */
function cellCode(text: string): string {
  const clipped = text.length > 80 ? `${text.slice(0, 79)}…` : text;
  return codeSpan(clipped).replace(/\|/g, '\\|');
}

function day(date: Date | undefined): string {
  return date && Number.isFinite(date.getTime()) ? date.toISOString().slice(0, 16).replace('T', ' ') : '—';
}

/**
 * The full-size trend for the job summary: the sparkline, then a table of the evaluations (newest last) with each
 * one's change from the one before, and this run's against the newest. Undefined when there is no earlier evaluation.
 */
export function fullTrend(trend: Trend, current: number | undefined): string[] | undefined {
  const points = trend.points.slice(-TREND_LENGTH);
  if (points.length === 0) return undefined;
  const values = points.map((point) => point.avg);
  const format = scoreFormatter([...values, ...(current === undefined ? [] : [current])]);
  const line = sparkline(current === undefined ? values : [...values, current]);
  const shown = current === undefined ? line : `${line.slice(0, -1)}│${line.slice(-1)}`;
  const lines = [
    `**Trend on ${escapeText(trend.branch)}** (${evaluationsPhrase(points.length)}, oldest first${current === undefined ? '' : ', then this run'}): \`${shown}\``,
    '',
    '| # | evaluation | created (UTC) | avg | Δ |',
    '| ---: | --- | --- | ---: | ---: |',
  ];
  points.forEach((point, index) => {
    const delta = index === 0 ? '' : formatDelta(point.avg - values[index - 1]!, format);
    lines.push(`| ${index + 1} | ${cellCode(point.evaluationId)} | ${day(point.createdAt)} | ${format(point.avg)} | ${delta} |`);
  });
  if (current !== undefined) {
    lines.push(`| | **this run** | | **${format(current)}** | ${formatDelta(current - values[values.length - 1]!, format)} |`);
  }
  return lines;
}
