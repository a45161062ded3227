// A discrete-event clock shared by the emulator, the action's run() and the reference poller, all in one process.
// Virtual time stands still while anything is in flight and jumps to the next sleeper once everything is idle:
// polling schedules are measured exactly, and a 10-minute evaluation takes a second of real time.
// HTTP stays real (127.0.0.1); its latency counts as zero, which is what the overhead figure is about: the lag the
// polling design adds, not the network.
import { AbortError } from '@evalgate/core';

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);
/** Real macrotask turns with no activity before time may jump. */
const QUIET_TURNS = 3;

export function createVirtualClock(startMs = Date.UTC(2026, 0, 1)) {
  let current = startMs;
  let inFlight = 0;
  let activity = 0;
  let sequence = 0;
  let running = false;
  /** { at, seq, resolve } */
  const sleepers = [];

  const turn = () => new Promise((resolve) => setTimeout(resolve, 0));

  const clock = {
    now: () => current,
    sleep(ms, signal) {
      return new Promise((resolve, reject) => {
        if (signal?.aborted) return reject(new AbortError('aborted'));
        const sleeper = { at: current + Math.max(0, ms), seq: sequence++, resolve };
        const onAbort = () => {
          const index = sleepers.indexOf(sleeper);
          if (index !== -1) sleepers.splice(index, 1);
          activity++;
          reject(new AbortError('aborted'));
        };
        sleeper.resolve = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        sleepers.push(sleeper);
        activity++;
      });
    },
    /**
     * Wraps fetch so time cannot jump while a request, including reading its body, is in flight.
     * `log`, when given, receives { method, url, virtualAt, realStartMs } per request.
     */
    trackFetch(fetchImpl = globalThis.fetch, log = undefined) {
      return async (input, init) => {
        inFlight++;
        activity++;
        log?.push({
          method: (init?.method ?? 'GET').toUpperCase(),
          url: String(input instanceof Request ? input.url : input),
          virtualAt: current,
          realStartMs: performance.now(),
        });
        try {
          const response = await fetchImpl(input, init);
          const body = await response.arrayBuffer();
          return new Response(NULL_BODY_STATUSES.has(response.status) ? null : body, {
            status: response.status,
            statusText: response.statusText,
            headers: response.headers,
          });
        } finally {
          inFlight--;
          activity++;
        }
      };
    },
    /** Advances time whenever the system is idle, until `done` settles. Returns what `done` resolves to. */
    async drive(done) {
      if (running) throw new Error('the virtual clock is already being driven');
      running = true;
      let finished = false;
      const result = done.finally(() => (finished = true));
      result.catch(() => undefined);
      try {
        while (!finished) {
          const before = activity;
          let quiet = true;
          for (let i = 0; i < QUIET_TURNS && quiet; i++) {
            await turn();
            quiet = activity === before && inFlight === 0;
          }
          if (finished || !quiet || sleepers.length === 0) continue;
          sleepers.sort((a, b) => a.at - b.at || a.seq - b.seq);
          const next = sleepers[0];
          current = Math.max(current, next.at);
          while (sleepers.length > 0 && sleepers[0].at <= current) sleepers.shift().resolve();
          activity++;
        }
        return await result;
      } finally {
        running = false;
      }
    },
  };
  return clock;
}
