// timeout-minutes bounds the whole step, not just the wait: one signal covers every provider request, retry and
// Retry-After pause, and tells a timeout apart from a workflow cancel.

/** Aborts when the workflow is cancelled or when `timeoutMinutes` have passed, whichever comes first. */
export function stepSignal(cancel: AbortSignal, timeoutMinutes: number): AbortSignal {
  return AbortSignal.any([cancel, AbortSignal.timeout(Math.ceil(timeoutMinutes * 60_000))]);
}

/** The step's signal fired because timeout-minutes passed (AbortSignal.timeout's reason), not because of a cancel. */
export function isStepTimeout(signal: AbortSignal): boolean {
  return signal.aborted && (signal.reason as { name?: unknown } | undefined)?.name === 'TimeoutError';
}
