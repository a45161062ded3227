import { AbortError } from '@evalgate/core';
import type { Clock } from '../ports.js';

/** Wall clock; sleeping rejects with AbortError as soon as the signal fires. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(new AbortError('aborted'));
      const onAbort = () => {
        clearTimeout(timer);
        reject(new AbortError('aborted'));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};
