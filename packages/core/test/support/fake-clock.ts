import { AbortError } from '../../src/errors.js';

/** A clock that only moves when the code under test sleeps; it records every requested delay. */
export function fakeClock(start = Date.UTC(2026, 0, 1)) {
  const delays: number[] = [];
  const clock = {
    time: start,
    delays,
    now: () => clock.time,
    sleep: async (ms: number, signal?: AbortSignal) => {
      if (signal?.aborted) throw new AbortError('aborted');
      delays.push(ms);
      clock.time += ms;
    },
  };
  return clock;
}
