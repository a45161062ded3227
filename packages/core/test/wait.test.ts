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

const status = (raw: string, progress: number | null = null): Handler =>
  json(200, primeEvaluationBody({ status: raw, progress }));

describe('waitForCompletion', () => {
  it('grows the interval ×1.5 while nothing changes, resets it on a change, caps it, and reports changes', async () => {
    server.respond(
      status('PENDING'),
      status('PENDING'),
      status('PENDING'),
      status('RUNNING', 0.25),
      status('RUNNING', 0.25),
      status('COMPLETED', 1),
    );
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
});
