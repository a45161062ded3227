import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, RedirectError } from '../src/index.js';
import { fakeClock } from './support/fake-clock.js';
import { primeEvaluationBody } from './support/prime-fixtures.js';
import { json, startTestServer, type TestServer } from './support/test-server.js';

let server: TestServer;
let elsewhere: TestServer;
beforeEach(async () => {
  server = await startTestServer();
  elsewhere = await startTestServer();
});
afterEach(async () => {
  await server.close();
  await elsewhere.close();
});

const prime = () => {
  const clock = fakeClock();
  return createClient({ provider: 'prime', apiKey: 'sk-redirect-SECRET', baseUrl: server.url, now: clock.now, sleep: clock.sleep });
};

const redirectTo = (status: number, location: string) => (_req: unknown, res: import('node:http').ServerResponse) => {
  res.writeHead(status, { location, 'x-request-id': 'req_r' });
  res.end();
};

describe('redirects are refused, not followed', () => {
  it('does not re-send a POST body to where a 307 points, and says what to fix', async () => {
    elsewhere.respond(json(201, primeEvaluationBody()));
    server.respond(redirectTo(307, `${elsewhere.url}/api/v1/evaluations/`));
    const error = await prime()
      .create({ provider: 'prime', name: 'nightly' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect((error as RedirectError).status).toBe(307);
    expect((error as Error).message).toContain(`307 redirect to ${elsewhere.url}`);
    expect((error as Error).message).toMatch(/does not follow redirects/);
    expect(elsewhere.requests).toHaveLength(0);
    expect(server.requests).toHaveLength(1);
  });

  it('does not follow a GET redirect either, and does not retry it', async () => {
    elsewhere.respond(json(200, primeEvaluationBody()));
    server.respond(redirectTo(302, `${elsewhere.url}/api/v1/evaluations/ev_1`));
    const error = await prime()
      .get('ev_1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect(elsewhere.requests).toHaveLength(0);
    expect(server.requests).toHaveLength(1);
  });
});
