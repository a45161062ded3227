/** A provider answer the client cannot read ends a wait with a typed error instead of a silent timeout. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, isTransientError, ResponseValidationError } from '../src/index.js';
import { MAX_CONSECUTIVE_UNREADABLE_POLLS } from '../src/wait.js';
import { fakeClock } from './support/fake-clock.js';
import { json, startTestServer, type TestServer } from './support/test-server.js';

const API_KEY = 'nk-secret-0123456789';
let server: TestServer;
let clock: ReturnType<typeof fakeClock>;
beforeEach(async () => {
  server = await startTestServer();
  clock = fakeClock();
});
afterEach(async () => {
  await server.close();
});
const client = () => createClient({ provider: 'nugen', apiKey: API_KEY, baseUrl: server.url, maxRetries: 0, now: clock.now, sleep: clock.sleep });

/** The shape core used to expect before issue 8: a numeric progress that no Nugen document shows. */
const malformed = json(
  200,
  { evaluation_id: 'eval-1', status: 'PROCESSING', benchmark_id: 'b', progress: 50, questions_completed: '5' },
  { 'x-request-id': 'req_bad' },
);
const documented = (status: string) =>
  json(200, { evaluation_id: 'eval-1', status, benchmark_id: 'b', progress: '5/10 questions', questions_completed: 5, total_questions: 10 });

describe('unreadable status answers', () => {
  it(`end waitForCompletion after ${MAX_CONSECUTIVE_UNREADABLE_POLLS} in a row with a ResponseValidationError naming the fields`, async () => {
    server.respond(malformed);
    const deadline = clock.time + 60 * 60_000;
    const error = await client()
      .waitForCompletion('eval-1', { deadline, initialIntervalMs: 1000 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    const typed = error as ResponseValidationError;
    expect(typed).toMatchObject({ provider: 'nugen', status: 200, requestId: 'req_bad', path: '/api/v3/evaluations/eval-1/status' });
    expect(typed.message).toMatch(/progress/);
    expect(typed.message).toMatch(/questions_completed/);
    expect(typed.message).not.toContain(API_KEY);
    expect(server.requests).toHaveLength(MAX_CONSECUTIVE_UNREADABLE_POLLS);
    // Long before the deadline: the wait did not run into a timeout.
    expect(clock.time).toBeLessThan(deadline);
  });

  it('are tolerated fewer times in a row: a readable answer resets the count', async () => {
    server.respond(malformed, malformed, documented('PROCESSING'), malformed, malformed, documented('FAILED'));
    const result = await client().waitForCompletion('eval-1', { initialIntervalMs: 1000 });
    expect(result.status).toBe('failed');
    expect(server.requests).toHaveLength(6);
  });

  it('are still transient for a single request (so one garbled poll does not end a wait)', async () => {
    server.respond(malformed);
    const error = await client()
      .get('eval-1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(isTransientError(error)).toBe(true);
  });
});
