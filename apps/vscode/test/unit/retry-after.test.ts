import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRetryAfterMs, RetryAfterRecorder } from '../../src/logic/retry-after.js';

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2026-11-25T15:00:00Z');
  it('reads retry-after-ms, seconds and HTTP dates', () => {
    expect(parseRetryAfterMs(new Headers({ 'retry-after-ms': '1500', 'retry-after': '9' }), now)).toBe(1500);
    expect(parseRetryAfterMs(new Headers({ 'retry-after': '7' }), now)).toBe(7000);
    expect(parseRetryAfterMs(new Headers({ 'retry-after': 'Wed, 25 Nov 2026 15:00:20 GMT' }), now)).toBe(20_000);
    expect(parseRetryAfterMs(new Headers({ 'retry-after': 'Wed, 25 Nov 2026 14:00:00 GMT' }), now)).toBe(0);
  });
  it('ignores absent or garbled values', () => {
    expect(parseRetryAfterMs(new Headers(), now)).toBeUndefined();
    expect(parseRetryAfterMs(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(parseRetryAfterMs(new Headers({ 'retry-after-ms': '-3' }), now)).toBeUndefined();
  });
});

describe('RetryAfterRecorder over a real server', () => {
  let server: Server;
  let url: string;
  beforeEach(async () => {
    server = createServer((request, response) => {
      if (request.url === '/limited') response.writeHead(429, { 'retry-after': '12' }).end('{}');
      else response.writeHead(200, { 'retry-after': '99' }).end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('remembers the wait of a 429 once, and ignores the header on a success', async () => {
    const recorder = new RetryAfterRecorder();
    await recorder.fetch(`${url}/ok`);
    expect(recorder.take()).toBeUndefined();
    const response = await recorder.fetch(`${url}/limited`);
    expect(response.status).toBe(429);
    expect(recorder.take()).toBe(12_000);
    expect(recorder.take()).toBeUndefined();
  });
});
