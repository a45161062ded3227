import { describe, expect, it } from 'vitest';
import { binScores, blockBars, compactHistogram, fullHistogram } from '../src/report/histogram.js';

describe('binScores', () => {
  it('uses [0, 1] for unit scores and puts 1 in the last bin', () => {
    const histogram = binScores([0, 0.05, 0.1, 0.55, 0.99, 1], 10);
    expect(histogram).toMatchObject({ lower: 0, upper: 1, total: 6, unscored: 0 });
    expect(histogram.counts).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
  });

  it("uses the scores' own range outside [0, 1] and counts what has no score", () => {
    const histogram = binScores([1, 2, 3, 4, 5, undefined, Number.NaN, Number.POSITIVE_INFINITY], 4);
    expect(histogram).toMatchObject({ lower: 1, upper: 5, total: 5, unscored: 3 });
    expect(histogram.counts).toEqual([1, 1, 1, 2]);
  });

  it('keeps one repeated value finite', () => {
    const histogram = binScores([3, 3, 3], 5);
    expect(histogram).toMatchObject({ lower: 3, upper: 4, total: 3 });
    expect(histogram.counts).toEqual([3, 0, 0, 0, 0]);
  });

  it('rejects a bin count that is not a positive integer', () => {
    expect(() => binScores([0.5], 0)).toThrow(/bins must be a positive integer/);
  });
});

describe('blockBars', () => {
  it('scales to the fullest bin, keeps a sliver for a small one and a space for an empty one', () => {
    expect(blockBars([8, 4, 1, 0, 100])).toBe('▁▁▁ █');
    expect(blockBars([8, 7, 6, 5, 4, 3, 2, 1])).toBe('█▇▆▅▄▃▂▁');
    expect(blockBars([0, 0])).toBe('  ');
  });
});

describe('compactHistogram', () => {
  it('is one line with the range, one character per bin and the sample count', () => {
    const scores = [0.05, 0.15, 0.15, 0.95, 0.95, 0.95, 0.95, undefined];
    expect(compactHistogram(scores, 'first 8 of 12')).toBe('Scores per sample: `0.00 ▂▄       █ 1.00` (7 samples, 1 without a score; first 8 of 12)');
  });

  it('is absent without a scored sample', () => {
    expect(compactHistogram([])).toBeUndefined();
    expect(compactHistogram([undefined])).toBeUndefined();
  });
});

describe('fullHistogram', () => {
  it('draws one aligned row per bin in a text block, the longest bar for the fullest bin', () => {
    const scores = [...Array(32).fill(0.97), ...Array(8).fill(0.52), 0.01];
    const lines = fullHistogram(scores)!;
    expect(lines[0]).toBe('**Scores per sample** (41 samples)');
    expect(lines[2]).toBe('```text');
    expect(lines.at(-1)).toBe('```');
    const rows = lines.slice(3, -1);
    expect(rows).toHaveLength(20);
    // 1 of 32 is one character of the 32 the fullest bin gets.
    expect(rows[0]).toBe(`0.00–0.05 │█${' '.repeat(31)}│  1`);
    expect(rows[10]).toBe(`0.50–0.55 │${'█'.repeat(8)}${' '.repeat(24)}│  8`);
    expect(rows[19]).toBe(`0.95–1.00 │${'█'.repeat(32)}│ 32`);
    expect(rows[1]).toBe(`0.05–0.10 │${' '.repeat(32)}│  0`);
    // Every row is as wide as the others: the bars line up in a monospace font.
    expect(new Set(rows.map((row) => [...row].length)).size).toBe(1);
  });

  it('draws partial blocks in eighths and keeps a sliver for a tiny bin', () => {
    const rows = fullHistogram([...Array(64).fill(0.99), ...Array(3).fill(0.01)])!.slice(3, -1);
    // 3/64 of 32 characters is 1.5 characters: one full block and a half block.
    expect(rows[0]).toContain('│█▌ ');
    const tiny = fullHistogram([...Array(1000).fill(0.99), 0.01])!.slice(3, -1);
    expect(tiny[0]).toContain('│▏ ');
  });

  it('is absent without a scored sample', () => {
    expect(fullHistogram([undefined])).toBeUndefined();
  });
});
