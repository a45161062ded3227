import { isTerminal, type Evaluation, type ProviderName } from './domain/evaluation.js';
import type { RequestOptions, WaitOptions } from './domain/client.js';
import { AbortError, APIError, isTransientError, WaitTimeoutError } from './errors.js';

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
const GROWTH = 1.5;

/**
 * Polls `get` until a terminal status, one request at a time (sleep, then poll). The interval grows ×1.5
 * while nothing changes and resets when something does; errors the HTTP layer already retried back off ×2
 * and polling goes on until the deadline.
 */
export async function waitForCompletion(deps: WaitDependencies, id: string, options: WaitOptions = {}): Promise<Evaluation> {
  const initial = options.initialIntervalMs ?? DEFAULT_INITIAL_INTERVAL_MS;
  const ceiling = Math.max(initial, options.maxIntervalMs ?? DEFAULT_MAX_INTERVAL_MS);
  const { signal, deadline } = options;
  let interval = initial;
  let last: Evaluation | undefined;
  let lastError: unknown;

  for (;;) {
    if (signal?.aborted) throw new AbortError(`Waiting for ${deps.provider} evaluation ${id} was aborted`);
    const remaining = deadline === undefined ? Infinity : deadline - deps.now();
    if (remaining <= 0) throw deadlineError(deps.provider, id, last, lastError);
    try {
      const evaluation = await deps.get(id, {
        ...(signal ? { signal } : {}),
        timeoutMs: Math.max(1, Math.min(deps.timeoutMs, remaining)),
      });
      lastError = undefined;
      if (!last || fingerprint(last) !== fingerprint(evaluation)) {
        options.onProgress?.(evaluation);
        interval = initial;
      } else {
        interval = Math.min(ceiling, interval * GROWTH);
      }
      last = evaluation;
      if (isTerminal(evaluation.status)) return evaluation;
    } catch (error) {
      if (error instanceof AbortError || !isTransientError(error)) throw error;
      lastError = error;
      interval = Math.min(ceiling, interval * 2);
    }
    const untilDeadline = deadline === undefined ? Infinity : deadline - deps.now();
    if (untilDeadline <= 0) throw deadlineError(deps.provider, id, last, lastError);
    await deps.sleep(Math.min(interval, untilDeadline), signal);
  }
}

/** What counts as "something changed" for backoff and onProgress. */
function fingerprint(evaluation: Evaluation): string {
  return JSON.stringify([evaluation.rawStatus, evaluation.progress ?? null, evaluation.scores ?? null]);
}

function deadlineError(provider: ProviderName, id: string, last: Evaluation | undefined, lastError: unknown): WaitTimeoutError {
  const state = last ? `last status ${last.status} (${last.rawStatus})` : 'no successful poll';
  const cause = lastError instanceof APIError ? `; last error: ${lastError.message}` : '';
  return new WaitTimeoutError(`${provider} evaluation ${id} did not finish before the deadline: ${state}${cause}`, { provider }, last);
}
