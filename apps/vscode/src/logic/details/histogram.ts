import { formatScore } from '../format.js';
import { escapeHtml } from './escape-html.js';

export interface HistogramBin {
  /** Inclusive lower edge. */
  from: number;
  /** Upper edge: exclusive, except for the last bin, which holds the maximum. */
  to: number;
  count: number;
}

/**
 * Splits scores into `binCount` equal bins over [0, 1], widened to take in scores outside it (a provider may score on
 * another scale). Non-finite values are ignored.
 */
export function histogramBins(scores: readonly number[], binCount = 10): HistogramBin[] {
  const finite = scores.filter((score) => Number.isFinite(score));
  if (!Number.isInteger(binCount) || binCount < 1) throw new RangeError(`binCount must be a positive integer; got ${binCount}`);
  const low = Math.min(0, ...finite);
  const high = Math.max(1, ...finite);
  const width = (high - low) / binCount;
  const bins = Array.from({ length: binCount }, (_, index) => ({ from: low + index * width, to: low + (index + 1) * width, count: 0 }));
  for (const score of finite) {
    const index = Math.min(binCount - 1, Math.floor((score - low) / width));
    bins[index]!.count += 1;
  }
  return bins;
}

export interface HistogramSvgOptions {
  width?: number;
  height?: number;
}

/**
 * The bins as an inline SVG bar chart: no scripts, no external references, colours from the page's stylesheet
 * (classes `bar`, `axis`, `label`) so it follows the editor theme. Each bar has a <title> for hover and screen readers.
 */
export function histogramSvg(bins: readonly HistogramBin[], options: HistogramSvgOptions = {}): string {
  const width = options.width ?? 480;
  const height = options.height ?? 160;
  const top = 12;
  const bottom = 24;
  const left = 32;
  const plotHeight = height - top - bottom;
  const plotWidth = width - left - 8;
  const highest = Math.max(1, ...bins.map((bin) => bin.count));
  const barWidth = bins.length === 0 ? 0 : plotWidth / bins.length;
  const total = bins.reduce((sum, bin) => sum + bin.count, 0);
  const bars = bins.map((bin, index) => {
    const barHeight = (bin.count / highest) * plotHeight;
    const x = left + index * barWidth;
    const y = top + plotHeight - barHeight;
    const range = `${formatScore(bin.from)}–${formatScore(bin.to)}`;
    const title = `${range}: ${bin.count} sample${bin.count === 1 ? '' : 's'}`;
    return `<rect class="bar" x="${round(x + 1)}" y="${round(y)}" width="${round(Math.max(0, barWidth - 2))}" height="${round(barHeight)}" data-count="${bin.count}"><title>${escapeHtml(title)}</title></rect>`;
  });
  const first = bins[0];
  const last = bins.at(-1);
  const labels =
    first && last
      ? `<text class="label" x="${left}" y="${height - 6}">${escapeHtml(formatScore(first.from))}</text>` +
        `<text class="label" x="${width - 8}" y="${height - 6}" text-anchor="end">${escapeHtml(formatScore(last.to))}</text>` +
        `<text class="label" x="${left - 4}" y="${top + 8}" text-anchor="end">${highest}</text>` +
        `<text class="label" x="${left - 4}" y="${top + plotHeight}" text-anchor="end">0</text>`
      : '';
  const summary = `Histogram of ${total} sample score${total === 1 ? '' : 's'} in ${bins.length} bins`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="histogram" role="img" aria-label="${escapeHtml(summary)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<line class="axis" x1="${left}" y1="${top + plotHeight}" x2="${width - 8}" y2="${top + plotHeight}"/>` +
    bars.join('') +
    labels +
    `</svg>`
  );
}

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}
