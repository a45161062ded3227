import { AbortError } from '../errors.js';

/** Resolves after `ms`, or rejects with `AbortError` as soon as `signal` aborts. */
export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new AbortError('The operation was aborted'));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new AbortError('The operation was aborted'));
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
