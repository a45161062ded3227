import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AbortError, createClient, NotFoundError, TimeoutError, WaitTimeoutError, type Evaluation } from '../src/index.js';
import { fakeClock } from './support/fake-clock.js';
import { primeEvaluationBody } from './support/prime-fixtures.js';
import { json, startTestServer, type Handler, type TestServer } from './support/test-server.js';

let server: TestServer;
let clock: ReturnType<typeof fakeClock>;

beforeEach(async () => {
  server = await startTestServer();
  clock = fakeClock();
});
afterEach(async () => {
  await server.close();
});

function client() {
  return createClient({
    provider: 'prime',
    apiKey: 'k',
    baseUrl: server.url,
    now: clock.now,
    sleep: clock.sleep,
    maxRetries: 0,
    random: () => 0.5,
  });
}

const status = (raw: string, progress: number | null = null): Handler => json(200, primeEvaluationBody({ status: raw, progress }));

describe('waitForCompletion', () => {
  it('grows the interval ×1.5 while nothing changes, resets it on a status change, caps it, and reports changes', async () => {
    server.respond(status('PENDING'), status('PENDING'), status('PENDING'), status('RUNNING', 0.25), status('RUNNING', 0.25), status('COMPLETED', 1));
    const seen: Evaluation[] = [];
    const result = await client().waitForCompletion('ev_1', {
      initialIntervalMs: 1000,
      maxIntervalMs: 2000,
      onProgress: (evaluation) => seen.push(evaluation),
    });
    expect(result.status).toBe('completed');
    expect(clock.delays).toEqual([1000, 1500, 2000, 1000, 1500]);
    expect(seen.map((e) => e.rawStatus)).toEqual(['PENDING', 'RUNNING', 'COMPLETED']);
    expect(server.requests).toHaveLength(6);
  });

  it('keeps polling through unknown statuses', async () => {
    server.respond(status('WARMING_UP'), status('SOMETHING_NEW'), status('FAILED'));
    const result = await client().waitForCompletion('ev_1', { initialIntervalMs: 100 });
    expect(result.status).toBe('failed');
    expect(server.requests).toHaveLength(3);
  });

  it('throws TimeoutError with the last known status at the deadline, never sleeping past it', async () => {
    server.respond(status('RUNNING', 0.5));
    const deadline = clock.time + 5000;
    const error = await client()
      .waitForCompletion('ev_1', { deadline, initialIntervalMs: 1000 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toContain('last status running (RUNNING)');
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as WaitTimeoutError).lastEvaluation?.progress?.fraction).toBe(0.5);
    expect(clock.time).toBe(deadline);
    expect(clock.delays).toEqual([1000, 1500, 2250, 250]);
  });

  it('backs off on a transient error and goes on', async () => {
    server.respond(json(503, {}), status('RUNNING', 0.1), status('COMPLETED', 1));
    const result = await client().waitForCompletion('ev_1', { initialIntervalMs: 1000 });
    expect(result.status).toBe('completed');
    expect(clock.delays).toEqual([2000, 1000]);
  });

  it('reports a poll that failed, transient or not understood, and goes on', async () => {
    server.respond(json(503, {}), json(200, { status: 42 }), status('COMPLETED', 1));
    const failures: unknown[] = [];
    const result = await client().waitForCompletion('ev_1', { initialIntervalMs: 1000, onPollError: (error) => failures.push(error) });
    expect(result.status).toBe('completed');
    expect(failures.map((error) => (error as Error).name)).toEqual(['ServerError', 'ResponseValidationError']);
  });

  it('stops at once on a non-transient error', async () => {
    server.respond(json(404, { detail: 'Evaluation not found' }));
    await expect(client().waitForCompletion('ev_1')).rejects.toBeInstanceOf(NotFoundError);
    expect(server.requests).toHaveLength(1);
  });

  it('stops with AbortError when the caller aborts', async () => {
    server.respond(status('RUNNING', 0.1), status('RUNNING', 0.2), status('COMPLETED', 1));
    const controller = new AbortController();
    let polls = 0;
    const error = await client()
      .waitForCompletion('ev_1', {
        signal: controller.signal,
        initialIntervalMs: 10,
        onProgress: () => {
          if (++polls === 2) controller.abort();
        },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(server.requests).toHaveLength(2);
  });

  it('never has two polls in flight', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const slow =
      (raw: string): Handler =>
      (req, res, body) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        setTimeout(() => {
          inFlight--;
          status(raw)(req, res, body);
        }, 5);
      };
    server.respond(slow('RUNNING'), slow('RUNNING'), slow('RUNNING'), slow('COMPLETED'));
    await client().waitForCompletion('ev_1', { initialIntervalMs: 1 });
    expect(server.requests).toHaveLength(4);
    expect(maxInFlight).toBe(1);
  });

  it('does not reset the interval when only progress changes, yet reports every change; a known pace spaces polls at the ceiling', async () => {
    server.respond(status('RUNNING', 0.01), status('RUNNING', 0.02), status('RUNNING', 0.03), status('RUNNING', 0.04), status('COMPLETED', 1));
    const seen: number[] = [];
    await client().waitForCompletion('ev_1', {
      initialIntervalMs: 1000,
      maxIntervalMs: 10_000,
      onProgress: (evaluation) => seen.push(evaluation.progress?.fraction ?? -1),
    });
    // From the second poll the pace (1% a second) puts the end 98 s away: no ramp, the ceiling until it is near.
    expect(clock.delays).toEqual([1000, 10_000, 10_000, 10_000]);
    expect(seen).toEqual([0.01, 0.02, 0.03, 0.04, 1]);
  });

  it('resets the interval when the status changes after progress-only polls', async () => {
    server.respond(status('RUNNING', 0.01), status('RUNNING', 0.02), status('RUNNING', 0.03), status('EVALUATING', 0.03), status('COMPLETED', 1));
    await client().waitForCompletion('ev_1', { initialIntervalMs: 1000, maxIntervalMs: 10_000 });
    // The far predicted end spaces the progress polls at the ceiling; the status change brings the initial interval back.
    expect(clock.delays).toEqual([1000, 10_000, 10_000, 1000]);
  });

  it('lands the last poll just after the end that linear progress predicts', async () => {
    const start = clock.time;
    // Progress rises evenly over 5 s; the evaluation is terminal from 5 s on.
    server.respond(linear(start, 5000, 5000));
    const result = await client().waitForCompletion('ev_1', { initialIntervalMs: 1000, maxIntervalMs: 10_000 });
    expect(result.status).toBe('completed');
    // Polls at 0 (0%), 1 s (20%) and 2.5 s (50%): the pace puts the end 2.5 s away, polled 250 ms after it.
    expect(clock.delays).toEqual([1000, 1500, 2750]);
    expect(clock.time - start).toBe(5250);
    expect(server.requests).toHaveLength(4);
  });

  it('falls back to the regular interval from the initial one when a predicted end passes without the end', async () => {
    const start = clock.time;
    // Progress promises the end at 5 s, stalls at 95%, and the evaluation only finishes at 8 s.
    server.respond(linear(start, 5000, 8000));
    const result = await client().waitForCompletion('ev_1', { initialIntervalMs: 1000, maxIntervalMs: 10_000 });
    expect(result.status).toBe('completed');
    // The poll at the predicted end (5.25 s) misses; then 1 s, 1.5 s, 2.25 s: no tight loop on the stale estimate.
    expect(clock.delays).toEqual([1000, 1500, 2750, 1000, 1500, 2250]);
  });

  it('lands the last poll just after the provider ETA', async () => {
    const start = clock.time;
    const nugen = createClient({ provider: 'nugen', apiKey: 'k', baseUrl: server.url, now: clock.now, sleep: clock.sleep, maxRetries: 0 });
    // Terminal (failed, so no results fetch) at 20 s; every status reports the exact seconds left.
    server.respond((req, res, body) => {
      const elapsed = clock.time - start;
      const done = elapsed >= 20_000;
      json(200, {
        evaluation_id: 'eval-1',
        status: done ? 'failed' : 'processing',
        progress: null,
        eta_seconds: done ? null : (20_000 - elapsed) / 1000,
        error: done ? 'model crashed' : null,
      })(req, res, body);
    });
    const result = await nugen.waitForCompletion('eval-1', { initialIntervalMs: 2000, maxIntervalMs: 30_000 });
    expect(result.status).toBe('failed');
    // The first poll is a status change, but its own ETA (20 s, within the 30 s ceiling) is news: aimed at directly,
    // 250 ms past it.
    expect(clock.delays).toEqual([20_250]);
    expect(clock.time - start).toBe(20_250);
  });

  it('predicts the end from one poll with the provider start time and lands 250 ms after it', async () => {
    const start = clock.time;
    // Queued for 2 s, then running evenly for 8 s: done at 10 s. started_at is when it left the queue.
    server.respond(queuedThenLinear(start, 2000, 10_000));
    const result = await client().waitForCompletion('ev_1', { initialIntervalMs: 1000, maxIntervalMs: 10_000 });
    expect(result.status).toBe('completed');
    // 0 s: PENDING, no progress. 1 s: still PENDING. 2.5 s: 6.25% done since 2 s, so the end is 7.5 s away (within the
    // ceiling): one poll 250 ms after it, instead of a second progress poll to learn the pace.
    expect(clock.delays).toEqual([1000, 1500, 7750]);
    expect(clock.time - start).toBe(10_250);
    expect(server.requests).toHaveLength(4);
  });

  describe('with what the caller has just read (lastSeen)', () => {
    const created = (raw: string): Evaluation => ({
      provider: 'prime',
      id: 'ev_1',
      name: 'nightly',
      status: raw === 'COMPLETED' ? 'completed' : 'queued',
      rawStatus: raw,
      progress: { completed: 0 },
      capabilities: { canCancel: true, canFinalize: false },
    });

    it('waits the first pause before polling, grows the interval from it, and reports only news', async () => {
      server.respond(status('PENDING', null), status('PENDING', null), status('PENDING', null), status('COMPLETED', 1));
      const seen: string[] = [];
      const result = await client().waitForCompletion('ev_1', {
        initialIntervalMs: 1000,
        maxIntervalMs: 10_000,
        lastSeen: created('PENDING'),
        firstPollDelayMs: 5000,
        onProgress: (evaluation) => seen.push(evaluation.rawStatus),
      });
      expect(result.status).toBe('completed');
      // The caller saw PENDING: the first poll's PENDING is no change, so 5 s grows to 7.5 s, then the ceiling.
      expect(clock.delays).toEqual([5000, 7500, 10_000, 10_000]);
      expect(seen).toEqual(['COMPLETED']);
      expect(server.requests).toHaveLength(4);
    });

    it('returns an evaluation already terminal without a request', async () => {
      const done = created('COMPLETED');
      expect(await client().waitForCompletion('ev_1', { lastSeen: done, firstPollDelayMs: 5000 })).toBe(done);
      expect(server.requests).toHaveLength(0);
      expect(clock.delays).toEqual([]);
    });

    it('never sleeps past the deadline before the first poll', async () => {
      server.respond(status('PENDING', null));
      const deadline = clock.time + 3000;
      const error = await client()
        .waitForCompletion('ev_1', { deadline, lastSeen: created('PENDING'), firstPollDelayMs: 5000 })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WaitTimeoutError);
      expect(clock.delays).toEqual([3000]);
      expect(server.requests).toHaveLength(0);
    });
  });
});

/** A hosted Prime run: PENDING until `queuedMs`, then RUNNING with progress rising evenly and `started_at` set, done at `doneMs`. */
function queuedThenLinear(start: number, queuedMs: number, doneMs: number): Handler {
  return (req, res, body) => {
    const elapsed = clock.time - start;
    const startedAt = new Date(start + queuedMs).toISOString();
    if (elapsed < queuedMs) return json(200, primeEvaluationBody({ status: 'PENDING', progress: null, started_at: null }))(req, res, body);
    if (elapsed >= doneMs) return json(200, primeEvaluationBody({ status: 'COMPLETED', progress: 1, started_at: startedAt }))(req, res, body);
    const fraction = (elapsed - queuedMs) / (doneMs - queuedMs);
    return json(200, primeEvaluationBody({ status: 'RUNNING', progress: fraction, started_at: startedAt }))(req, res, body);
  };
}

/** A Prime evaluation whose progress rises evenly to 1 at `progressEndMs` (capped at 95% until then) and that is terminal at `doneMs`. */
function linear(start: number, progressEndMs: number, doneMs: number): Handler {
  return (req, res, body) => {
    const elapsed = clock.time - start;
    const done = elapsed >= doneMs;
    const fraction = done ? 1 : Math.min(0.95, elapsed / progressEndMs);
    status(done ? 'COMPLETED' : 'RUNNING', fraction)(req, res, body);
  };
}
