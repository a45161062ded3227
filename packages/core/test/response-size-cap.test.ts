import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, ResponseTooLargeError } from '../src/index.js';
import { fakeClock } from './support/fake-clock.js';
import { primeEvaluationBody } from './support/prime-fixtures.js';
import { json, startTestServer, type TestServer } from './support/test-server.js';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

const prime = (maxResponseBytes?: number) => {
  const clock = fakeClock();
  return createClient({
    provider: 'prime',
    apiKey: 'k',
    baseUrl: server.url,
    maxRetries: 0,
    now: clock.now,
    sleep: clock.sleep,
    ...(maxResponseBytes !== undefined ? { maxResponseBytes } : {}),
  });
};

describe('response body size cap', () => {
  it('rejects a body whose content-length is over the cap with a typed error', async () => {
    server.respond((_req, res) => {
      const body = JSON.stringify({ ...primeEvaluationBody(), padding: 'x'.repeat(4096) });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
      res.end(body);
    });
    const error = await prime(1024)
      .get('ev_1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as Error).message).toMatch(/larger than 1024 bytes/);
  });

  it('stops reading an endless chunked body as soon as it passes the cap', async () => {
    let written = 0;
    let closed = false;
    server.respond((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.on('close', () => {
        closed = true;
      });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      // Writes for as long as the client reads; never ends on its own.
      const pump = (): void => {
        while (!closed && written < 512 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
      };
      pump();
    });
    const error = await prime(1024 * 1024)
      .get('ev_1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    // The server was cut off long before its 512 MiB: the client did not buffer the stream.
    expect(written).toBeLessThan(64 * 1024 * 1024);
  });

  it('reads a body under the default cap as before', async () => {
    server.respond(json(200, primeEvaluationBody({ evaluation_id: 'ev_ok' })));
    expect((await prime().get('ev_ok')).id).toBe('ev_ok');
  });
});
