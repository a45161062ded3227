import { describe, expect, it } from 'vitest';
import { compactTrend, fullTrend, sparkline, TREND_LENGTH, type Trend } from '../src/report/trend.js';

const trend = (avgs: number[], branch = 'main'): Trend => ({
  branch,
  points: avgs.map((avg, index) => ({ evaluationId: `ev_${index + 1}`, avg, createdAt: new Date(Date.UTC(2026, 10, index + 1, 9, 30)) })),
});

describe('sparkline', () => {
  it('puts the lowest value at ▁ and the highest at █', () => {
    expect(sparkline([0.1, 0.5, 0.9])).toBe('▁▅█');
    expect(sparkline([2, 1, 3, 1])).toBe('▅▁█▁');
  });

  it('keeps a flat series in the middle and shows a missing value as a gap', () => {
    expect(sparkline([0.7, 0.7])).toBe('▄▄');
    expect(sparkline([0.2, Number.NaN, 0.4])).toBe('▁ █');
    expect(sparkline([])).toBe('');
  });
});

describe('compactTrend', () => {
  it('shows the base branch oldest first, then this run after a divider, scaled together', () => {
    expect(compactTrend(trend([0.6, 0.62, 0.64]), 0.7)).toBe(
      'Trend on main (the last 3 evaluations, oldest first, then this run): `▁▂▄│█` avg 0.60 → 0.64, this run 0.70',
    );
  });

  it('works without this run and with one evaluation', () => {
    expect(compactTrend(trend([0.5]), undefined)).toBe('Trend on main (the last evaluation, oldest first): `▄` avg 0.50');
  });

  it('keeps the last TREND_LENGTH evaluations and escapes the branch name', () => {
    const long = trend(
      Array.from({ length: 15 }, (_, index) => index / 100),
      'feat/<b>|x',
    );
    const line = compactTrend(long, undefined)!;
    expect(line).toContain(`the last ${TREND_LENGTH} evaluations`);
    expect(line).toContain('avg 0.05 → 0.14');
    expect(line).toContain('feat/&lt;b>\\|x');
  });

  it('is absent without an earlier evaluation', () => {
    expect(compactTrend(trend([]), 0.5)).toBeUndefined();
  });
});

describe('fullTrend', () => {
  it('tables each evaluation with its change from the one before, then this run against the newest', () => {
    expect(fullTrend(trend([0.6, 0.55, 0.64]), 0.7)).toEqual([
      '**Trend on main** (the last 3 evaluations, oldest first, then this run): `▃▁▅│█`',
      '',
      '| # | evaluation | created (UTC) | avg | Δ |',
      '| ---: | --- | --- | ---: | ---: |',
      '| 1 | `ev_1` | 2026-11-01 09:30 | 0.60 |  |',
      '| 2 | `ev_2` | 2026-11-02 09:30 | 0.55 | −0.05 |',
      '| 3 | `ev_3` | 2026-11-03 09:30 | 0.64 | +0.09 |',
      '| | **this run** | | **0.70** | +0.06 |',
    ]);
  });

  it('keeps a pipe in a provider id from splitting the table and shows an unknown date as a dash', () => {
    const lines = fullTrend({ branch: 'main', points: [{ evaluationId: 'ev|1', avg: 0.5 }] }, undefined)!;
    expect(lines[4]).toBe('| 1 | `ev\\|1` | — | 0.50 |  |');
  });

  it('is absent without an earlier evaluation', () => {
    expect(fullTrend(trend([]), undefined)).toBeUndefined();
  });
});
