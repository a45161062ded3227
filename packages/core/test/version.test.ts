import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../src/index.js';
import { CORE_VERSION } from '../src/version.js';
import { primeEvaluationBody } from './support/prime-fixtures.js';
import { json, startTestServer, type TestServer } from './support/test-server.js';

const packageVersion = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

describe('version', () => {
  it('src/version.ts is the version in package.json (npm run build regenerates it)', () => {
    expect(CORE_VERSION).toBe(packageVersion);
  });

  it('the default User-Agent names that version', async () => {
    server.respond(json(200, primeEvaluationBody({ evaluation_id: 'ev-1' })));
    await createClient({ provider: 'prime', apiKey: 'sk-test-0123456789', baseUrl: server.url }).get('ev-1');
    expect(server.requests[0]?.headers['user-agent']).toBe(`evalgate-core/${packageVersion}`);
  });
});
