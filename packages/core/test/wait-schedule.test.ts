import { describe, expect, it } from 'vitest';
import { expectedEndAt, nextInterval, nextPollDelay, progressFraction, trackProgress } from '../src/wait-schedule.js';

const bounds = { initialMs: 1000, ceilingMs: 5000 };

describe('nextInterval', () => {
  it('resets to the initial interval on a status change and on a missed prediction', () => {
    expect(nextInterval(4000, 'status-changed', bounds)).toBe(1000);
    expect(nextInterval(4000, 'prediction-missed', bounds)).toBe(1000);
  });

  it('grows ×1.5 up to the ceiling when only progress changed, as when nothing changed', () => {
    expect(nextInterval(2000, 'progress-changed', bounds)).toBe(3000);
    expect(nextInterval(2000, 'unchanged', bounds)).toBe(3000);
    expect(nextInterval(4000, 'progress-changed', bounds)).toBe(5000);
  });

  it('doubles on an error, up to the ceiling', () => {
    expect(nextInterval(2000, 'error', bounds)).toBe(4000);
    expect(nextInterval(4000, 'error', bounds)).toBe(5000);
  });
});

describe('progressFraction', () => {
  it('prefers the fraction, else completed / total, clamped to [0, 1]', () => {
    expect(progressFraction({ fraction: 0.4, completed: 9, total: 10 })).toBe(0.4);
    expect(progressFraction({ completed: 3, total: 4 })).toBe(0.75);
    expect(progressFraction({ fraction: 1.7 })).toBe(1);
  });

  it('is undefined without a fraction or a positive total', () => {
    expect(progressFraction(undefined)).toBeUndefined();
    expect(progressFraction({ completed: 3 })).toBeUndefined();
    expect(progressFraction({ completed: 3, total: 0 })).toBeUndefined();
  });
});

describe('trackProgress', () => {
  it('keeps the last two polls that saw the fraction rise', () => {
    let trend = trackProgress([], 0, 0.1);
    trend = trackProgress(trend, 1000, 0.1);
    trend = trackProgress(trend, 2000, 0.3);
    trend = trackProgress(trend, 3000, 0.5);
    expect(trend).toEqual([
      { at: 2000, fraction: 0.3 },
      { at: 3000, fraction: 0.5 },
    ]);
  });

  it('ignores a fraction of 0 and unknown progress, and starts over when the fraction falls', () => {
    expect(trackProgress([], 0, 0)).toEqual([]);
    const trend = [
      { at: 0, fraction: 0.2 },
      { at: 1000, fraction: 0.6 },
    ];
    expect(trackProgress(trend, 2000, undefined)).toEqual(trend);
    expect(trackProgress(trend, 2000, 0.1)).toEqual([{ at: 2000, fraction: 0.1 }]);
  });
});

describe('expectedEndAt', () => {
  it('uses the provider ETA, counted from the poll', () => {
    expect(expectedEndAt({ fraction: 0.1, etaSeconds: 12 }, 5000, [])).toBe(17_000);
  });

  it('otherwise carries the rise between the last two rising polls on to 1', () => {
    const trend = [
      { at: 1000, fraction: 0.2 },
      { at: 3000, fraction: 0.6 },
    ];
    expect(expectedEndAt({ fraction: 0.6 }, 3000, trend)).toBe(5000);
  });

  it('is undefined with fewer than two rising polls, no ETA and no start time', () => {
    expect(expectedEndAt({ fraction: 0.6 }, 3000, [{ at: 3000, fraction: 0.6 }])).toBeUndefined();
    expect(expectedEndAt(undefined, 3000, [])).toBeUndefined();
  });

  it('from a single poll, carries the pace since the provider started the run on to 1', () => {
    // Started at 2 s, half done at 6 s: done at 10 s.
    expect(expectedEndAt({ fraction: 0.5 }, 6000, [{ at: 6000, fraction: 0.5 }], 2000)).toBe(10_000);
    expect(expectedEndAt({ completed: 1, total: 4 }, 6000, [], 2000)).toBe(18_000);
  });

  it('prefers the ETA and the two-poll trend to the pace since the start', () => {
    const trend = [
      { at: 1000, fraction: 0.2 },
      { at: 3000, fraction: 0.6 },
    ];
    expect(expectedEndAt({ fraction: 0.6 }, 3000, trend, 0)).toBe(5000);
    expect(expectedEndAt({ fraction: 0.6, etaSeconds: 1 }, 3000, trend, 0)).toBe(4000);
  });

  it('ignores a start time not before the poll (a provider clock ahead of ours) and progress of 0', () => {
    expect(expectedEndAt({ fraction: 0.5 }, 6000, [], 6000)).toBeUndefined();
    expect(expectedEndAt({ fraction: 0.5 }, 6000, [], 7000)).toBeUndefined();
    expect(expectedEndAt({ fraction: 0 }, 6000, [], 2000)).toBeUndefined();
    expect(expectedEndAt(undefined, 6000, [], 2000)).toBeUndefined();
  });
});

describe('nextPollDelay', () => {
  it('is the regular interval when no end is expected or the end is after it', () => {
    expect(nextPollDelay(0, 3000, undefined)).toEqual({ delayMs: 3000, predicted: false });
    expect(nextPollDelay(0, 3000, 2900)).toEqual({ delayMs: 3000, predicted: false });
  });

  it('lands 250 ms after a sooner end, however far away it is', () => {
    expect(nextPollDelay(0, 30_000, 1000)).toEqual({ delayMs: 1250, predicted: true });
    expect(nextPollDelay(0, 30_000, 20_000)).toEqual({ delayMs: 20_250, predicted: true });
    expect(nextPollDelay(0, 60_000, 50_000)).toEqual({ delayMs: 50_250, predicted: true });
  });

  it('never polls sooner than the floor, even when the end has passed', () => {
    expect(nextPollDelay(10_000, 30_000, 9000)).toEqual({ delayMs: 250, predicted: true });
  });

  it('with a longest pause above the regular interval: aims within it, else waits all of it', () => {
    expect(nextPollDelay(0, 2000, 8000, 10_000)).toEqual({ delayMs: 8250, predicted: true });
    expect(nextPollDelay(0, 2000, 60_000, 10_000)).toEqual({ delayMs: 10_000, predicted: false });
    // 13 s away: a full pause, after which the end (3 s on) is aimed at; shortening it would not save the poll.
    expect(nextPollDelay(0, 2000, 13_000, 10_000)).toEqual({ delayMs: 10_000, predicted: false });
    // Just out of reach: the full pause lands within the margin past the end, so no further poll is needed.
    expect(nextPollDelay(0, 2000, 9900, 10_000)).toEqual({ delayMs: 10_000, predicted: false });
    expect(nextPollDelay(0, 2000, undefined, 10_000)).toEqual({ delayMs: 2000, predicted: false });
  });

  it('never waits longer than the regular interval, even when it is shorter than the floor', () => {
    expect(nextPollDelay(0, 100, 10)).toEqual({ delayMs: 100, predicted: false });
  });
});
