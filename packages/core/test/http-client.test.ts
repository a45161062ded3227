import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AbortError,
  AuthenticationError,
  ConflictError,
  ConnectionError,
  createClient,
  NotFoundError,
  RateLimitError,
  ResponseValidationError,
  ServerError,
  TimeoutError,
  UnprocessableEntityError,
  type ClientOptions,
} from '../src/index.js';
import { fakeClock } from './support/fake-clock.js';
import { primeEvaluationBody } from './support/prime-fixtures.js';
import { hang, json, raw, reset, startTestServer, type TestServer } from './support/test-server.js';

const API_KEY = 'sk-test-SECRET-1234567890';
let server: TestServer;
let clock: ReturnType<typeof fakeClock>;

beforeEach(async () => {
  server = await startTestServer();
  clock = fakeClock();
});
afterEach(async () => {
  await server.close();
});

function prime(options: Partial<ClientOptions> = {}) {
  return createClient({
    provider: 'prime',
    apiKey: API_KEY,
    baseUrl: server.url,
    now: clock.now,
    sleep: clock.sleep,
    random: () => 0.5,
    ...options,
  });
}

describe('requests', () => {
  it('sends Bearer auth, JSON, a user-agent, and percent-encodes path parameters', async () => {
    server.respond(json(200, primeEvaluationBody({ evaluation_id: 'a/b?c' })));
    const evaluation = await prime({ userAgent: 'evalgate-test/1' }).get('a/b?c');
    expect(evaluation.id).toBe('a/b?c');
    const [request] = server.requests;
    expect(request?.url).toBe('/api/v1/evaluations/a%2Fb%3Fc');
    expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request?.headers['user-agent']).toBe('evalgate-test/1');
    expect(request?.headers.accept).toBe('application/json');
  });

  it('sends a JSON body with content-type on create', async () => {
    server.respond(json(201, primeEvaluationBody({ status: 'RUNNING', is_hosted: false })));
    await prime().create({ provider: 'prime', name: 'nightly', modelName: 'm', tags: ['a'] });
    const [request] = server.requests;
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({ name: 'nightly', model_name: 'm', tags: ['a'] });
  });
});

describe('error mapping', () => {
  it('maps a Prime 422 with its field errors, request id and a message naming provider, method, path and status', async () => {
    server.respond(json(422, { errors: [{ param: 'name', details: 'field required' }] }, { 'x-request-id': 'req_12' }));
    const error = await prime()
      .create({ provider: 'prime', name: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    const apiError = error as UnprocessableEntityError;
    expect(apiError.message).toBe('prime POST /api/v1/evaluations/ failed with 422: name: field required (request req_12)');
    expect(apiError.status).toBe(422);
    expect(apiError.requestId).toBe('req_12');
    expect(apiError.details).toEqual([{ param: 'name', message: 'field required' }]);
    expect(server.requests).toHaveLength(1);
  });

  it('maps 401 to AuthenticationError without retrying', async () => {
    server.respond(json(401, { detail: 'Not authenticated' }));
    const error = await prime()
      .get('ev_1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toContain('failed with 401: Not authenticated');
    expect(server.requests).toHaveLength(1);
  });

  it('maps 404 to NotFoundError', async () => {
    server.respond(json(404, { detail: 'Evaluation not found' }));
    await expect(prime().get('missing')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('parses OpenAI and FastAPI error bodies', async () => {
    server.respond(json(404, { error: { message: 'Eval not found', type: 'invalid_request_error', param: 'eval_id', code: null } }));
    const openai = createClient({ provider: 'openai', apiKey: API_KEY, baseUrl: `${server.url}/v1` });
    const openaiError = (await openai.get('eval_x/run_y').catch((e: unknown) => e)) as NotFoundError;
    expect(openaiError.message).toBe('openai GET /v1/evals/eval_x/runs/run_y failed with 404: Eval not found (request req_test)');
    expect(openaiError.details).toEqual([{ param: 'eval_id', message: 'Eval not found' }]);

    server.respond(json(422, { detail: [{ loc: ['body', 'model_id'], msg: 'field required', type: 'missing' }] }));
    const nugen = createClient({ provider: 'nugen', apiKey: API_KEY, baseUrl: server.url });
    const nugenError = (await nugen.create({ provider: 'nugen', modelId: 'm', benchmarkId: 'b' }).catch((e: unknown) => e)) as UnprocessableEntityError;
    expect(nugenError).toBeInstanceOf(UnprocessableEntityError);
    expect(nugenError.details).toEqual([{ param: 'model_id', message: 'field required' }]);
    expect(nugenError.message).toContain('nugen POST /api/v3/evaluations failed with 422: model_id: field required');
  });

  it('retries 500 with exponential backoff, then throws ServerError', async () => {
    server.respond(json(500, { detail: 'boom' }));
    const error = await prime({ maxRetries: 3 })
      .get('ev_1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(4);
    // random() = 0.5 puts the jitter factor at exactly 1.
    expect(clock.delays).toEqual([500, 1000, 2000]);
  });

  it('jitters the backoff by ±25% and caps it at 8 s', async () => {
    server.respond(json(503, {}));
    await prime({ maxRetries: 6, random: () => 0 })
      .get('ev_1')
      .catch(() => undefined);
    expect(clock.delays).toEqual([375, 750, 1500, 3000, 6000, 6000]);
  });

  it('retries 408 but not a state-conflict 409 (unless the server says when to retry)', async () => {
    server.respond(json(408, {}), json(200, primeEvaluationBody()));
    await prime().get('ev_1');
    expect(server.requests).toHaveLength(2);

    server.respond(json(409, { detail: 'Evaluation is already terminal' }));
    const error = await prime()
      .cancel('ev_1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(server.requests).toHaveLength(3);

    server.respond(json(409, {}, { 'retry-after': '1' }), json(200, primeEvaluationBody()));
    await prime().get('ev_1');
    expect(server.requests).toHaveLength(5);
  });

  it('recovers when a retry succeeds', async () => {
    server.respond(json(502, {}), json(200, primeEvaluationBody()));
    const evaluation = await prime().get('ev_1');
    expect(evaluation.status).toBe('running');
    expect(server.requests).toHaveLength(2);
  });
});

describe('Retry-After', () => {
  it('honours Retry-After in seconds', async () => {
    server.respond(json(429, {}, { 'retry-after': '3' }), json(200, primeEvaluationBody()));
    await prime().get('ev_1');
    expect(clock.delays).toEqual([3000]);
  });

  it('prefers retry-after-ms', async () => {
    server.respond(json(429, {}, { 'retry-after-ms': '1234', 'retry-after': '9' }), json(200, primeEvaluationBody()));
    await prime().get('ev_1');
    expect(clock.delays).toEqual([1234]);
  });

  it('honours Retry-After as an HTTP date, relative to the injected clock', async () => {
    const at = new Date(clock.time + 7000).toUTCString();
    server.respond(json(503, {}, { 'retry-after': at }), json(200, primeEvaluationBody()));
    await prime().get('ev_1');
    expect(clock.delays).toEqual([7000]);
  });

  it('gives up with RateLimitError when asked to wait longer than 60 s', async () => {
    server.respond(json(429, { detail: 'slow down' }, { 'retry-after': '120' }), json(200, primeEvaluationBody()));
    await expect(prime().get('ev_1')).rejects.toBeInstanceOf(RateLimitError);
    expect(server.requests).toHaveLength(1);
    expect(clock.delays).toEqual([]);
  });

  it('puts the requested wait on the thrown error when it does not retry (maxRetries 0)', async () => {
    server.respond(json(429, { detail: 'slow down' }, { 'retry-after': '3' }));
    const error = await prime({ maxRetries: 0 })
      .get('ev_1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(3000);
    expect(server.requests).toHaveLength(1);
  });

  it('puts retry-after-ms (preferred over Retry-After) on the thrown error', async () => {
    server.respond(json(429, {}, { 'retry-after-ms': '1234', 'retry-after': '9' }));
    const error = await prime({ maxRetries: 0 })
      .get('ev_1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(1234);
  });

  it('puts an HTTP-date Retry-After on the thrown error, relative to the injected clock', async () => {
    const at = new Date(clock.time + 7000).toUTCString();
    server.respond(json(503, {}, { 'retry-after': at }));
    const error = await prime({ maxRetries: 0 })
      .get('ev_1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).retryAfterMs).toBe(7000);
  });

  it('carries the wait of the last response after retries run out, and of a wait too long to retry', async () => {
    server.respond(json(503, {}, { 'retry-after': '1' }), json(503, {}, { 'retry-after': '2' }));
    const exhausted = await prime({ maxRetries: 1 })
      .get('ev_1')
      .catch((e: unknown) => e);
    expect(exhausted).toBeInstanceOf(ServerError);
    expect((exhausted as ServerError).retryAfterMs).toBe(2000);

    server.respond(json(429, {}, { 'retry-after': '120' }));
    const tooLong = await prime()
      .get('ev_1')
      .catch((e: unknown) => e);
    expect(tooLong).toBeInstanceOf(RateLimitError);
    expect((tooLong as RateLimitError).retryAfterMs).toBe(120_000);
  });

  it('leaves retryAfterMs undefined when the error response does not say', async () => {
    server.respond(json(429, {}), json(503, {}, { 'retry-after': 'soon' }));
    const absent = await prime({ maxRetries: 0 })
      .get('ev_1')
      .catch((e: unknown) => e);
    expect(absent).toBeInstanceOf(RateLimitError);
    expect((absent as RateLimitError).retryAfterMs).toBeUndefined();
    const unparsable = await prime({ maxRetries: 0 })
      .get('ev_1')
      .catch((e: unknown) => e);
    expect(unparsable).toBeInstanceOf(ServerError);
    expect((unparsable as ServerError).retryAfterMs).toBeUndefined();
  });

  it('retries a create after 429: the server did not act on it', async () => {
    server.respond(json(429, {}, { 'retry-after': '1' }), json(201, primeEvaluationBody({ status: 'PENDING' })));
    const created = await prime().create({ provider: 'prime', name: 'nightly' });
    expect(created.status).toBe('queued');
    expect(server.requests).toHaveLength(2);
  });
});

describe('non-idempotent requests', () => {
  it('does not retry a create after a connection reset', async () => {
    server.respond(reset, json(201, primeEvaluationBody()));
    await expect(prime().create({ provider: 'prime', name: 'x' })).rejects.toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(1);
  });

  it('does not retry a create after a 500', async () => {
    server.respond(json(500, {}), json(201, primeEvaluationBody()));
    await expect(prime().create({ provider: 'prime', name: 'x' })).rejects.toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(1);
  });

  it('does not retry pushSamples after a 503 (it could duplicate samples)', async () => {
    server.respond(json(503, {}));
    await expect(prime().pushSamples('ev_1', [{ score: 1 }])).rejects.toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(1);
  });

  it('retries a create when the connection is refused (nothing was sent)', async () => {
    const closedUrl = server.url;
    await server.close();
    let attempts = 0;
    const countingFetch: typeof fetch = (input, init) => {
      attempts++;
      return fetch(input, init);
    };
    const client = createClient({
      provider: 'prime',
      apiKey: API_KEY,
      baseUrl: closedUrl,
      maxRetries: 2,
      fetch: countingFetch,
      sleep: clock.sleep,
      random: () => 0.5,
    });
    const error = await client.create({ provider: 'prime', name: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain('ECONNREFUSED');
    expect(attempts).toBe(3);
    server = await startTestServer();
  });
});

describe('connection failures and bodies', () => {
  it('retries a GET after a connection reset', async () => {
    server.respond(reset, json(200, primeEvaluationBody()));
    const evaluation = await prime().get('ev_1');
    expect(evaluation.id).toBe('ev_1');
    expect(server.requests).toHaveLength(2);
  });

  it('retries malformed JSON, then throws ResponseValidationError', async () => {
    server.respond(raw(200, '{"evaluation_id": "ev_1", "na'));
    const error = await prime({ maxRetries: 2 })
      .get('ev_1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toContain('not JSON');
    expect(server.requests).toHaveLength(3);
  });

  it('recovers when malformed JSON is followed by a good body', async () => {
    server.respond(raw(200, 'not json'), json(200, primeEvaluationBody()));
    expect((await prime().get('ev_1')).name).toBe('nightly');
  });

  it('names the missing field of a 2xx body, without retrying', async () => {
    const { status: _status, ...withoutStatus } = primeEvaluationBody();
    server.respond(json(200, withoutStatus));
    const error = await prime()
      .get('ev_1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toMatch(/unexpected body: status: /);
    expect(server.requests).toHaveLength(1);
  });

  it('keeps going when a body has extra fields and unknown statuses', async () => {
    server.respond(json(200, primeEvaluationBody({ status: 'WARMING_UP', brand_new_field: { x: 1 } })));
    const evaluation = await prime().get('ev_1');
    expect(evaluation.status).toBe('unknown');
    expect(evaluation.rawStatus).toBe('WARMING_UP');
  });
});

describe('timeouts and abort', () => {
  it('times out a server that never answers, retrying idempotent requests', async () => {
    server.respond(hang);
    const error = await prime({ timeoutMs: 50, maxRetries: 1 })
      .get('ev_1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toBe('prime GET /api/v1/evaluations/ev_1 timed out after 50 ms');
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry a create that timed out', async () => {
    server.respond(hang);
    await expect(prime({ timeoutMs: 50 }).create({ provider: 'prime', name: 'x' })).rejects.toBeInstanceOf(TimeoutError);
    expect(server.requests).toHaveLength(1);
  });

  it('a per-call timeoutMs overrides the client one', async () => {
    server.respond(hang);
    const error = await prime({ timeoutMs: 60_000, maxRetries: 0 })
      .get('ev_1', { timeoutMs: 30 })
      .catch((e: unknown) => e);
    expect((error as Error).message).toContain('timed out after 30 ms');
  });

  it('turns a caller abort into AbortError at once, without retrying', async () => {
    server.respond(hang);
    const controller = new AbortController();
    const pending = prime({ timeoutMs: 60_000 }).get('ev_1', { signal: controller.signal });
    await waitFor(() => server.requests.length === 1);
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortError);
    expect(server.requests).toHaveLength(1);
  });

  it('rejects with AbortError when the signal is already aborted, sending nothing', async () => {
    await expect(prime().get('ev_1', { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('the API key never leaks', () => {
  it('is absent from messages, stacks, toString, JSON and log lines, even when the server echoes it', async () => {
    const lines: string[] = [];
    const logger = { debug: (line: string) => lines.push(line), warn: (line: string) => lines.push(line) };
    const errors: unknown[] = [];
    const client = prime({ logger, maxRetries: 1, timeoutMs: 50 });
    const echo = `invalid key ${API_KEY}`;
    for (const handler of [
      json(401, { detail: echo }),
      json(422, { errors: [{ param: 'name', details: echo }] }),
      json(500, { error: { message: echo, type: 'server_error', param: null, code: null } }),
      raw(500, echo),
      raw(200, echo),
      json(200, { name: echo }),
      reset,
      hang,
    ]) {
      server.respond(handler);
      errors.push(await client.get('ev_1').catch((e: unknown) => e));
    }
    errors.push(await client.create({ provider: 'prime', name: echo }).catch((e: unknown) => e));
    expect(errors.every((e) => e instanceof Error)).toBe(true);
    for (const error of errors as Error[]) {
      expect(error.message).not.toContain(API_KEY);
      expect(String(error.stack)).not.toContain(API_KEY);
      expect(error.toString()).not.toContain(API_KEY);
      expect(JSON.stringify(error)).not.toContain(API_KEY);
      expect(
        Object.values(error)
          .map((v) => JSON.stringify(v) ?? '')
          .join(),
      ).not.toContain(API_KEY);
    }
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain(API_KEY);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!condition()) throw new Error('condition never became true');
}
