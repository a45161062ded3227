import { WaitTimeoutError, type EvalClient, type Evaluation } from '@evalgate/core';
import type { Clock } from '../ports.js';

const FIRST_POLL_INTERVAL_MS = 2_000;
/**
 * After a create, whose answer gave the status, the first poll waits this long (at most poll-interval-seconds), as a
 * naive 5 s poll would: a run is not done sooner, and one poll with progress is enough to predict its end.
 */
const FIRST_POLL_AFTER_CREATE_MS = 5_000;

/** `timeout-minutes` passed before the evaluation reached a terminal status. */
export class DeadlineError extends Error {
  override name = 'DeadlineError';
  constructor(
    message: string,
    /** The last read before the deadline, for its progress and partial scores. */
    readonly lastEvaluation?: Evaluation,
  ) {
    super(message);
  }
}

export interface WaitDeps {
  client: EvalClient;
  clock: Clock;
  signal: AbortSignal;
  /** ms since epoch. */
  deadline: number;
  /** The longest pause between polls (`poll-interval-seconds`). */
  pollIntervalMs: number;
  onProgress: (evaluation: Evaluation) => void;
  /** A poll failed (transient, or an answer that could not be understood) and polling goes on. */
  onPollError?: (error: unknown) => void;
  /**
   * The evaluation as the create just answered it: the first poll waits `FIRST_POLL_AFTER_CREATE_MS` instead of
   * asking again at once, and a status the create already gave is no news to it.
   */
  created?: Evaluation;
}

/**
 * Polls through core until a terminal status. Core keeps polling through 429/5xx/connection failures until the
 * deadline, so only the deadline, the cancel signal or a permanent error (401, 404) ends the wait early.
 */
export async function waitForTerminal(id: string, deps: WaitDeps): Promise<Evaluation> {
  const initialIntervalMs = Math.min(FIRST_POLL_INTERVAL_MS, deps.pollIntervalMs);
  try {
    return await deps.client.waitForCompletion(id, {
      deadline: deps.deadline,
      signal: deps.signal,
      // poll-interval-seconds is the longest pause: short evaluations are noticed within 2 s, long ones settle at
      // the configured pause, and core's predicted end lands the last poll just after the evaluation finishes.
      initialIntervalMs,
      maxIntervalMs: deps.pollIntervalMs,
      onProgress: deps.onProgress,
      ...(deps.onPollError ? { onPollError: deps.onPollError } : {}),
      ...(deps.created ? { lastSeen: deps.created, firstPollDelayMs: Math.min(FIRST_POLL_AFTER_CREATE_MS, deps.pollIntervalMs) } : {}),
    });
  } catch (error) {
    if (deps.signal.aborted) throw error;
    // Core's message says what the last poll saw and the last error (e.g. an answer that could not be understood).
    if (error instanceof WaitTimeoutError) throw new DeadlineError(error.message, error.lastEvaluation);
    if (deps.clock.now() >= deps.deadline) throw new DeadlineError('timeout-minutes passed');
    throw error;
  }
}
