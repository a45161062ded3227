/**
 * The pure scheduling decisions of `waitForCompletion`: how the regular interval moves after a poll, when the
 * evaluation is expected to end, and how long to sleep before the next poll. No clock, no I/O: every time is passed in.
 */
import type { Progress } from './domain/evaluation.js';

export const GROWTH = 1.5;
export const ERROR_GROWTH = 2;
/** A poll aimed at a predicted end never comes sooner than this, however close the end looks. */
export const PREDICTION_FLOOR_MS = 250;
/** A predicted end is polled this share of the remaining time after it (clamped below), to land just past it. */
export const PREDICTION_MARGIN_SHARE = 0.05;
export const PREDICTION_MARGIN_MIN_MS = 250;
export const PREDICTION_MARGIN_MAX_MS = 2_000;

/** What the last poll showed, compared with the one before. */
export type PollOutcome =
  /** First poll, or the status changed: the evaluation moved on, look again soon. */
  | 'status-changed'
  /** Only progress (or scores) changed: it is working, as expected. */
  | 'progress-changed'
  | 'unchanged'
  /** We polled at a predicted end and it was not terminal: the estimate was wrong. */
  | 'prediction-missed'
  | 'error';

export interface IntervalBounds {
  initialMs: number;
  ceilingMs: number;
}

/** The regular interval after a poll with this outcome. */
export function nextInterval(intervalMs: number, outcome: PollOutcome, bounds: IntervalBounds): number {
  switch (outcome) {
    case 'status-changed':
    case 'prediction-missed':
      return bounds.initialMs;
    // Progress moving is the expected case, not news: holding the interval there would pin a long evaluation at
    // the initial interval for its whole run. The predicted end, not a short interval, catches the finish.
    case 'progress-changed':
    case 'unchanged':
      return Math.min(bounds.ceilingMs, intervalMs * GROWTH);
    case 'error':
      return Math.min(bounds.ceilingMs, intervalMs * ERROR_GROWTH);
  }
}

/** A poll that saw the completed fraction rise, by the injected clock. */
export interface ProgressPoint {
  at: number;
  fraction: number;
}

/** The completed fraction in [0, 1], from `fraction` or else `completed / total`. */
export function progressFraction(progress: Progress | undefined): number | undefined {
  if (!progress) return undefined;
  if (typeof progress.fraction === 'number' && Number.isFinite(progress.fraction)) return clamp01(progress.fraction);
  const { completed, total } = progress;
  if (typeof completed === 'number' && typeof total === 'number' && total > 0 && Number.isFinite(completed / total)) {
    return clamp01(completed / total);
  }
  return undefined;
}

/**
 * Keeps the last two polls that saw the fraction rise. A first sighting above 0 counts as a rise (from 0); a
 * sighting of 0 does not, since it says nothing about the pace. A fall means the provider restarted its count:
 * the trend starts over.
 */
export function trackProgress(trend: readonly ProgressPoint[], at: number, fraction: number | undefined): ProgressPoint[] {
  if (fraction === undefined) return [...trend];
  const latest = trend[trend.length - 1];
  if (latest && fraction === latest.fraction) return [...trend];
  if (latest && fraction > latest.fraction) return [latest, { at, fraction }];
  return fraction > 0 ? [{ at, fraction }] : [];
}

/**
 * When the evaluation should be terminal (ms, injected clock): the provider's ETA when it gives one, else the
 * fraction's rise between the last two rising polls carried on to 1. Undefined when neither is known.
 */
export function expectedEndAt(progress: Progress | undefined, polledAt: number, trend: readonly ProgressPoint[]): number | undefined {
  const eta = progress?.etaSeconds;
  if (typeof eta === 'number' && Number.isFinite(eta) && eta >= 0) return polledAt + eta * 1000;
  const [earlier, later] = trend;
  if (!earlier || !later || later.at <= earlier.at || later.fraction <= earlier.fraction) return undefined;
  const perMs = (later.fraction - earlier.fraction) / (later.at - earlier.at);
  return later.at + (1 - later.fraction) / perMs;
}

export interface NextPoll {
  delayMs: number;
  /** The delay aims at a predicted end rather than the regular interval. */
  predicted: boolean;
}

/**
 * The sleep before the next poll. Without an expected end: the regular interval. With one: just after that end (a
 * margin past it, never sooner than the floor) when it comes within `longestMs`, else up to `longestMs` — a known pace
 * makes the regular interval's ramp pointless, and each poll on the way refines the estimate.
 */
export function nextPollDelay(now: number, regularMs: number, endAt: number | undefined, longestMs: number = regularMs): NextPoll {
  if (endAt === undefined) return { delayMs: regularMs, predicted: false };
  const untilEnd = Math.max(0, endAt - now);
  const margin = clamp(untilEnd * PREDICTION_MARGIN_SHARE, PREDICTION_MARGIN_MIN_MS, PREDICTION_MARGIN_MAX_MS);
  const aimed = Math.max(PREDICTION_FLOOR_MS, untilEnd + margin);
  const longest = Math.max(regularMs, longestMs);
  if (aimed <= longest) return { delayMs: aimed, predicted: true };
  // Too far to aim at yet. When a pause reaches it, stop where the smallest margin covers the rest and one pause still
  // fits: the aimed poll then lands that margin past the end, with no extra poll.
  const closeRange = Math.min(PREDICTION_MARGIN_MIN_MS / PREDICTION_MARGIN_SHARE, longest - PREDICTION_MARGIN_MIN_MS);
  const toCloseRange = untilEnd - closeRange;
  return { delayMs: toCloseRange >= PREDICTION_FLOOR_MS ? Math.min(longest, toCloseRange) : longest, predicted: false };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function clamp01(value: number): number {
  return clamp(value, 0, 1);
}
