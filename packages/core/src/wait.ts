import { isTerminal, type Evaluation, type ProviderName } from './domain/evaluation.js';
import type { RequestOptions, WaitOptions } from './domain/client.js';
import { AbortError, APIError, isTransientError, ResponseValidationError, WaitTimeoutError } from './errors.js';
import { expectedEndAt, nextInterval, nextPollDelay, progressFraction, trackProgress, type PollOutcome, type ProgressPoint } from './wait-schedule.js';

export interface WaitDependencies {
  provider: ProviderName;
  get: (id: string, options: RequestOptions) => Promise<Evaluation>;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The client's per-attempt timeout, shortened near the deadline. */
  timeoutMs: number;
}

const DEFAULT_INITIAL_INTERVAL_MS = 2_000;
const DEFAULT_MAX_INTERVAL_MS = 30_000;
/**
 * A 2xx body the client cannot read is tolerated this many times in a row (a truncated or mid-deploy answer), then
 * thrown: an answer that keeps coming back in a shape the client does not understand will not fix itself, and
 * polling on until the deadline would hide it behind a timeout.
 */
export const MAX_CONSECUTIVE_UNREADABLE_POLLS = 3;

/**
 * Polls `get` until a terminal status, one request at a time (sleep, then poll). A status change resets the
 * interval to the initial one; otherwise (progress moving or nothing changing) it grows ×1.5 up to the ceiling. Once
 * progress predicts the end, polls are a ceiling apart until the end is within one, and that poll lands 250 ms after it; if the evaluation is not
 * terminal then, the estimate is distrusted until progress moves again and the interval restarts from the initial
 * one. Errors the HTTP layer already retried back off ×2 and polling goes on until the deadline, except unreadable
 * answers (`ResponseValidationError`), thrown after `MAX_CONSECUTIVE_UNREADABLE_POLLS` in a row.
 */
export async function waitForCompletion(deps: WaitDependencies, id: string, options: WaitOptions = {}): Promise<Evaluation> {
  const initialMs = options.initialIntervalMs ?? DEFAULT_INITIAL_INTERVAL_MS;
  const bounds = { initialMs, ceilingMs: Math.max(initialMs, options.maxIntervalMs ?? DEFAULT_MAX_INTERVAL_MS) };
  const { signal, deadline, lastSeen } = options;
  if (lastSeen && isTerminal(lastSeen.status)) return lastSeen;
  let interval = initialMs;
  let last: Evaluation | undefined = lastSeen;
  let lastError: unknown;
  let unreadableInARow = 0;
  let trend: ProgressPoint[] = [];
  /** The sleep just taken aimed at a predicted end. */
  let aimedAtEnd = false;
  /** The progress at a missed prediction: estimates wait until progress differs from it. */
  let distrustedProgress: string | undefined;

  if (lastSeen) {
    const seenAt = deps.now();
    trend = trackProgress(trend, seenAt, progressFraction(lastSeen.progress));
    // Nothing is known beyond what the caller just read: the interval grows from the first pause, not the initial one.
    const firstDelayMs = Math.min(bounds.ceilingMs, Math.max(0, options.firstPollDelayMs ?? initialMs));
    interval = Math.max(initialMs, firstDelayMs);
    const untilDeadline = deadline === undefined ? Infinity : deadline - seenAt;
    if (untilDeadline > 0) await deps.sleep(Math.min(firstDelayMs, untilDeadline), signal);
  }
  for (;;) {
    if (signal?.aborted) throw new AbortError(`Waiting for ${deps.provider} evaluation ${id} was aborted`);
    const remaining = deadline === undefined ? Infinity : deadline - deps.now();
    if (remaining <= 0) throw deadlineError(deps.provider, id, last, lastError);
    let endAt: number | undefined;
    /** The longest sleep toward a predicted end: the ceiling, unless the status just moved and progress did not. */
    let longestMs = interval;
    try {
      const evaluation = await deps.get(id, {
        ...(signal ? { signal } : {}),
        timeoutMs: Math.max(1, Math.min(deps.timeoutMs, remaining)),
      });
      const polledAt = deps.now();
      lastError = undefined;
      unreadableInARow = 0;
      const changed = !last || fingerprint(last) !== fingerprint(evaluation);
      if (changed) options.onProgress?.(evaluation);
      const outcome = pollOutcome(last, evaluation, changed, aimedAtEnd);
      last = evaluation;
      if (isTerminal(evaluation.status)) return evaluation;
      interval = nextInterval(interval, outcome, bounds);
      trend = trackProgress(trend, polledAt, progressFraction(evaluation.progress));
      const progressKey = JSON.stringify(evaluation.progress ?? null);
      if (outcome === 'prediction-missed') distrustedProgress = progressKey;
      else if (distrustedProgress !== progressKey) distrustedProgress = undefined;
      if (distrustedProgress === undefined) endAt = expectedEndAt(evaluation.progress, polledAt, trend, evaluation.startedAt?.getTime());
      // After a status change an estimate counts only when this poll's own progress made it (an ETA, or a rise):
      // one left over from before the change is stale, so look again soon.
      const progressIsNews = trend[trend.length - 1]?.at === polledAt || typeof evaluation.progress?.etaSeconds === 'number';
      longestMs = outcome === 'status-changed' && !progressIsNews ? interval : bounds.ceilingMs;
    } catch (error) {
      if (error instanceof AbortError || !isTransientError(error)) throw error;
      unreadableInARow = error instanceof ResponseValidationError ? unreadableInARow + 1 : 0;
      if (unreadableInARow >= MAX_CONSECUTIVE_UNREADABLE_POLLS) throw error;
      lastError = error;
      options.onPollError?.(error);
      interval = nextInterval(interval, 'error', bounds);
    }
    const now = deps.now();
    const untilDeadline = deadline === undefined ? Infinity : deadline - now;
    if (untilDeadline <= 0) throw deadlineError(deps.provider, id, last, lastError);
    const next = nextPollDelay(now, interval, endAt, longestMs);
    aimedAtEnd = next.predicted;
    await deps.sleep(Math.min(next.delayMs, untilDeadline), signal);
  }
}

function pollOutcome(previous: Evaluation | undefined, current: Evaluation, changed: boolean, aimedAtEnd: boolean): PollOutcome {
  if (aimedAtEnd) return 'prediction-missed';
  if (!previous || previous.rawStatus !== current.rawStatus) return 'status-changed';
  return changed ? 'progress-changed' : 'unchanged';
}

/** What counts as "something changed" for onProgress and the interval. */
function fingerprint(evaluation: Evaluation): string {
  return JSON.stringify([evaluation.rawStatus, evaluation.progress ?? null, evaluation.scores ?? null]);
}

function deadlineError(provider: ProviderName, id: string, last: Evaluation | undefined, lastError: unknown): WaitTimeoutError {
  const state = last ? `last status ${last.status} (${last.rawStatus})` : 'no successful poll';
  const cause = lastError instanceof APIError ? `; last error: ${lastError.message}` : '';
  return new WaitTimeoutError(`${provider} evaluation ${id} did not finish before the deadline: ${state}${cause}`, { provider }, last);
}
