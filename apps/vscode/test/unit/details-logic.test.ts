import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/logic/details/escape-html.js';
import { histogramBins, histogramSvg } from '../../src/logic/details/histogram.js';
import { detailsStats, lowestFirst } from '../../src/logic/details/sample-stats.js';
import { StatusTimeline } from '../../src/logic/details/status-timeline.js';
import { parseWebviewMessage } from '../../src/logic/details/webview-messages.js';
import { relativeTime } from '../../src/logic/relative-time.js';

describe('histogramBins', () => {
  it('puts scores into ten bins over [0, 1], the maximum in the last bin', () => {
    const bins = histogramBins([0, 0.05, 0.1, 0.55, 0.99, 1, Number.NaN]);
    expect(bins.map((bin) => bin.count)).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
    expect(bins[0]).toMatchObject({ from: 0 });
    expect(bins[9]!.to).toBeCloseTo(1, 10);
  });

  it('widens the range to scores outside [0, 1] and refuses a bad bin count', () => {
    const bins = histogramBins([-1, 3], 4);
    expect(bins[0]!.from).toBe(-1);
    expect(bins[3]!.to).toBe(3);
    expect(bins.map((bin) => bin.count)).toEqual([1, 0, 0, 1]);
    expect(() => histogramBins([1], 0)).toThrow(/binCount must be a positive integer/);
  });
});

describe('histogramSvg', () => {
  it('draws one bar per bin, heights relative to the fullest bin, with titles and an accessible label', () => {
    const svg = histogramSvg([
      { from: 0, to: 0.5, count: 1 },
      { from: 0.5, to: 1, count: 4 },
    ]);
    const heights = [...svg.matchAll(/<rect class="bar"[^>]* height="([\d.]+)" data-count="(\d)"/g)].map((match) => [Number(match[1]), match[2]]);
    expect(heights).toEqual([
      [31, '1'],
      [124, '4'],
    ]);
    expect(svg).toContain('<title>0.50–1.00: 4 samples</title>');
    expect(svg).toContain('role="img" aria-label="Histogram of 5 sample scores in 2 bins"');
    expect(svg).not.toMatch(/href|style=|<script/);
  });
});

describe('detailsStats and lowestFirst', () => {
  it("prefers the provider's aggregate, adding a pass rate from the samples' verdicts", () => {
    const samples = [
      { id: 'a', score: 1, passed: true },
      { id: 'b', score: 0, passed: false },
      { id: 'c', score: 0, passed: false },
    ];
    expect(detailsStats({ avg: 0.7, min: 0, max: 1, count: 10 }, samples)).toEqual({ avg: 0.7, min: 0, max: 1, count: 10, passRate: 1 / 3 });
    expect(detailsStats({ avg: 0.7, min: 0, max: 1, count: 10, passRate: 0.9 }, samples)?.passRate).toBe(0.9);
    expect(detailsStats(undefined, samples)).toMatchObject({ avg: 1 / 3, min: 0, max: 1, count: 3 });
    expect(detailsStats(undefined, [{ id: 'x' }])).toBeUndefined();
  });

  it('orders by score, unscored last, ties in provider order', () => {
    const ordered = lowestFirst([{ id: 'u' }, { id: 'a', score: 0.5 }, { id: 'b', score: 0.2 }, { id: 'c', score: 0.5 }]);
    expect(ordered.map((sample) => sample.id)).toEqual(['b', 'a', 'c', 'u']);
  });
});

describe('StatusTimeline', () => {
  it('records a change only when the status changed, and keeps the first and the latest when full', () => {
    const timeline = new StatusTimeline(3);
    expect(timeline.record('queued', 'PENDING', 1)).toBe(true);
    expect(timeline.record('queued', 'PENDING', 2)).toBe(false);
    timeline.record('running', 'RUNNING', 3);
    timeline.record('running', 'PROCESSING', 4);
    timeline.record('completed', 'COMPLETED', 5);
    expect(timeline.entries().map((change) => [change.rawStatus, change.seenAt])).toEqual([
      ['PENDING', 1],
      ['PROCESSING', 4],
      ['COMPLETED', 5],
    ]);
  });
});

describe('relativeTime', () => {
  const now = Date.parse('2026-11-30T12:00:00Z');
  it.each([
    [now + 5000, 'just now'],
    [now - 3000, 'just now'],
    [now - 45_000, '45 s ago'],
    [now - 3 * 60_000 - 10_000, '3 min ago'],
    [now - 2 * 3600_000, '2 h ago'],
    [now - 30 * 3600_000, 'yesterday'],
    [now - 5 * 86400_000, '5 days ago'],
    [Date.parse('2026-01-02T00:00:00Z'), 'on 2026-01-02'],
  ])('%s → %s', (then, expected) => {
    expect(relativeTime(new Date(then), now)).toBe(expected);
  });
  it('says so for an invalid date', () => {
    expect(relativeTime(new Date(Number.NaN), now)).toBe('unknown time');
  });
});

describe('parseWebviewMessage', () => {
  it('reads the two messages a details page sends and ignores anything else', () => {
    expect(parseWebviewMessage({ type: 'openReport' })).toEqual({ type: 'openReport' });
    expect(parseWebviewMessage({ type: 'rendered', revision: 2, sampleIds: ['a'], histogramBars: 10 })).toEqual({
      type: 'rendered',
      revision: 2,
      sampleIds: ['a'],
      histogramBars: 10,
    });
    for (const bad of [
      undefined,
      'openReport',
      { type: 'openUrl', url: 'file:///etc/passwd' },
      { type: 'rendered', revision: -1, sampleIds: [], histogramBars: 0 },
    ]) {
      expect(parseWebviewMessage(bad)).toBeUndefined();
    }
  });
});

describe('escapeHtml', () => {
  it('escapes the characters that could open markup or leave an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&\``)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#96;');
  });
});
