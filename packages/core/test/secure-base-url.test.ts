import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigurationError, createClient } from '../src/index.js';
import { primeEvaluationBody } from './support/prime-fixtures.js';
import { json, startTestServer, type TestServer } from './support/test-server.js';

describe('base URL scheme', () => {
  it('refuses http:// to a non-loopback host, naming the option and both fixes, without echoing the URL credentials', () => {
    const attempt = () => createClient({ provider: 'prime', apiKey: 'k', baseUrl: 'http://user:pw@evals.example.com' });
    expect(attempt).toThrow(ConfigurationError);
    expect(attempt).toThrow(/"baseUrl".*clear text.*https:\/\/.*allowInsecureHttp: true/);
    expect(attempt).not.toThrow(/pw/);
  });

  it('accepts https anywhere and http on loopback (127.0.0.0/8, ::1, localhost)', () => {
    for (const baseUrl of ['https://evals.example.com', 'http://127.0.0.1:8080', 'http://127.9.9.9', 'http://[::1]:3000', 'http://localhost:4010']) {
      expect(() => createClient({ provider: 'prime', apiKey: 'k', baseUrl }), baseUrl).not.toThrow();
    }
  });

  it('accepts http to a private host with the explicit opt-out', () => {
    expect(() => createClient({ provider: 'prime', apiKey: 'k', baseUrl: 'http://10.0.0.5:8080', allowInsecureHttp: true })).not.toThrow();
  });
});

describe('loopback http still works end to end', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('talks to a 127.0.0.1 server over http', async () => {
    server.respond(json(200, primeEvaluationBody({ evaluation_id: 'ev_local' })));
    expect((await createClient({ provider: 'prime', apiKey: 'k', baseUrl: server.url }).get('ev_local')).id).toBe('ev_local');
  });
});
