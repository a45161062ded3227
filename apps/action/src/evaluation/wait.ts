import {
  ConnectionError,
  RateLimitError,
  ResponseValidationError,
  ServerError,
  TimeoutError,
  WaitTimeoutError,
  type EvalClient,
  type Evaluation,
} from '@evalgate/core';
import type { Clock, Logger } from '../deps.js';

/** `timeout-minutes` passed before the evaluation reached a terminal status. */
export class DeadlineError extends Error {
  override name = 'DeadlineError';
}

export interface WaitDeps {
  client: EvalClient;
  clock: Clock;
  logger: Logger;
  signal: AbortSignal;
  /** ms since epoch. */
  deadline: number;
  pollIntervalMs: number;
  onProgress: (evaluation: Evaluation) => void;
}

function isTransient(error: unknown): boolean {
  return (
    error instanceof RateLimitError ||
    error instanceof ServerError ||
    error instanceof ConnectionError ||
    error instanceof ResponseValidationError ||
    error instanceof TimeoutError
  );
}

/**
 * Polls through core until a terminal status. When core gives up on a burst of 429/5xx, waits and polls again,
 * so only the deadline, the cancel signal or a permanent error (401, 404) ends the wait early.
 */
export async function waitForTerminal(id: string, deps: WaitDeps): Promise<Evaluation> {
  let pause = deps.pollIntervalMs;
  for (;;) {
    if (deps.clock.now() >= deps.deadline) throw new DeadlineError('timeout-minutes passed');
    try {
      return await deps.client.waitForCompletion(id, {
        deadline: deps.deadline,
        signal: deps.signal,
        initialIntervalMs: deps.pollIntervalMs,
        maxIntervalMs: Math.max(deps.pollIntervalMs, 1000),
        onProgress: deps.onProgress,
      });
    } catch (error) {
      if (deps.signal.aborted) throw error;
      if (error instanceof WaitTimeoutError || deps.clock.now() >= deps.deadline) throw new DeadlineError('timeout-minutes passed');
      if (!isTransient(error)) throw error;
      deps.logger.warning(`Polling ${id} failed (${(error as Error).message}); trying again.`);
      pause = Math.min(Math.max(pause * 2, 1000), 30_000, Math.max(0, deps.deadline - deps.clock.now()));
      await deps.clock.sleep(pause, deps.signal);
    }
  }
}

export { isTransient };
