/**
 * The pure scheduling decisions of `waitForCompletion`: how the regular interval moves after a poll, when the
 * evaluation is expected to end, and how long to sleep before the next poll. No clock, no I/O: every time is passed in.
 */
import type { Progress } from './domain/evaluation.js';

export const GROWTH = 1.5;
export const ERROR_GROWTH = 2;
/** A poll aimed at a predicted end never comes sooner than this, however close the end looks. */
export const PREDICTION_FLOOR_MS = 250;
/**
 * A predicted end is polled this long after it: enough for a request to reach the provider after the end, and the
 * whole completion lag when the prediction holds. Fixed rather than a share of the distance: each poll on the way
 * refines the estimate, so the last one is aimed from at most one pause away.
 */
export const PREDICTION_MARGIN_MS = 250;

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
 * fraction's rise between the last two rising polls carried on to 1, else — from a single poll — the pace since the
 * provider says the run started (`startedAt`, its clock; ignored when it is not before the poll, as with a clock
 * ahead of ours). Undefined when none of these is known.
 */
export function expectedEndAt(progress: Progress | undefined, polledAt: number, trend: readonly ProgressPoint[], startedAt?: number): number | undefined {
  const eta = progress?.etaSeconds;
  if (typeof eta === 'number' && Number.isFinite(eta) && eta >= 0) return polledAt + eta * 1000;
  const [earlier, later] = trend;
  if (earlier && later && later.at > earlier.at && later.fraction > earlier.fraction) {
    const perMs = (later.fraction - earlier.fraction) / (later.at - earlier.at);
    return later.at + (1 - later.fraction) / perMs;
  }
  const fraction = progressFraction(progress);
  if (startedAt === undefined || !Number.isFinite(startedAt) || startedAt >= polledAt || !fraction) return undefined;
  return startedAt + (polledAt - startedAt) / fraction;
}

export interface NextPoll {
  delayMs: number;
  /** The delay aims at a predicted end rather than the regular interval. */
  predicted: boolean;
}

/**
 * The sleep before the next poll. Without an expected end: the regular interval. With one: `PREDICTION_MARGIN_MS`
 * past that end (never sooner than the floor) when that comes within `longestMs`, else all of `longestMs` — a known
 * pace makes the regular interval's ramp pointless, and each poll on the way refines the estimate.
 */
export function nextPollDelay(now: number, regularMs: number, endAt: number | undefined, longestMs: number = regularMs): NextPoll {
  if (endAt === undefined) return { delayMs: regularMs, predicted: false };
  const aimed = Math.max(PREDICTION_FLOOR_MS, endAt - now + PREDICTION_MARGIN_MS);
  const longest = Math.max(regularMs, longestMs);
  return aimed <= longest ? { delayMs: aimed, predicted: true } : { delayMs: longest, predicted: false };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function clamp01(value: number): number {
  return clamp(value, 0, 1);
}
