import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, ServerError } from '../src/index.js';
import { fakeClock } from './support/fake-clock.js';
import { primeEvaluationBody } from './support/prime-fixtures.js';
import { json, raw, startTestServer, type TestServer } from './support/test-server.js';

const API_KEY = 'sk-live-REDACT-ME-0123456789';
let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

function prime(debug: string[] = []) {
  const clock = fakeClock();
  return createClient({
    provider: 'prime',
    apiKey: API_KEY,
    baseUrl: server.url,
    maxRetries: 0,
    now: clock.now,
    sleep: clock.sleep,
    logger: { debug: (message) => debug.push(message), warn: (message) => debug.push(message) },
  });
}

describe('redaction of what the server sends back', () => {
  it('keeps the API key and markup out of the debug line and error when x-request-id echoes them', async () => {
    const debug: string[] = [];
    server.respond(json(200, primeEvaluationBody(), { 'x-request-id': `req_${API_KEY} <b onclick="x">${'z'.repeat(1000)}` }));
    await prime(debug).get('ev_1');
    expect(debug.join('\n')).not.toContain(API_KEY);
    expect(debug.join('\n')).toContain('req_redacted');
    const line = debug.find((message) => message.includes('→ 200')) ?? '';
    const shownId = /\(request (.*)\)$/.exec(line)?.[1] ?? '';
    expect(shownId).toMatch(/^req_redacted/);
    expect(shownId).toMatch(/^[\w.:@/+=-]{1,128}$/);
    expect(line.length).toBeLessThan(300);

    server.respond(json(404, { detail: 'Not Found' }, { 'x-request-id': `req_${API_KEY}` }));
    const error = await prime()
      .get('ev_1')
      .catch((e: unknown) => e);
    expect((error as Error).message).not.toContain(API_KEY);
    expect((error as { requestId?: string }).requestId).not.toContain(API_KEY);
  });

  it('turns a deeply nested error body into a typed ServerError instead of a RangeError', async () => {
    const depth = 200_000;
    server.respond(raw(500, `${'['.repeat(depth)}"${API_KEY}"${']'.repeat(depth)}`));
    const error = await prime()
      .get('ev_1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(JSON.stringify((error as ServerError).body)).toContain('[nested too deep]');
    expect(JSON.stringify((error as ServerError).body)).not.toContain(API_KEY);
  });
});
