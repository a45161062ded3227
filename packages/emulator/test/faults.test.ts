import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_KEY, START, startTestEmulator, type TestEmulator } from './helpers.js';

let t: TestEmulator;
beforeEach(async () => {
  t = await startTestEmulator();
});
afterEach(async () => {
  await t.emu.close();
});

const auth = { authorization: `Bearer ${API_KEY}` };

describe('rate-limit faults', () => {
  it('answers 429 with Retry-After seconds for the next N matching requests, then normally', async () => {
    t.emu.faults.add({ kind: 'rate-limit', count: 2, retryAfterSeconds: 2 });
    for (let i = 0; i < 2; i++) {
      const res = await t.call('GET', '/api/v1/evaluations/');
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('2');
      expect(res.headers.get('x-request-id')).toMatch(/^req_/);
      expect(res.body).toEqual({ detail: 'Rate limit exceeded' });
    }
    expect((await t.call('GET', '/api/v1/evaluations/')).status).toBe(200);
  });

  it('sends retry-after-ms and HTTP-date forms, in the provider’s error shape', async () => {
    t.emu.faults.add({ kind: 'rate-limit', count: 1, retryAfterMs: 1500, match: { provider: 'openai' } });
    const ms = await t.call('GET', '/v1/evals');
    expect(ms.status).toBe(429);
    expect(ms.headers.get('retry-after-ms')).toBe('1500');
    expect(ms.headers.get('retry-after')).toBeNull();
    expect(ms.body.error).toMatchObject({ type: 'requests', code: 'rate_limit_exceeded' });

    t.emu.faults.add({ kind: 'rate-limit', count: 1, retryAfterSeconds: 3, retryAfterDate: true });
    const dated = await t.call('GET', '/api/v3/evaluations');
    expect(dated.status).toBe(429);
    expect(dated.headers.get('retry-after')).toBe(new Date(START + 3000).toUTCString());
  });
});

describe('server-error faults', () => {
  it('answers a burst of the given 5xx status, default 500', async () => {
    t.emu.faults.add({ kind: 'server-error', count: 2, status: 503 });
    t.emu.faults.add({ kind: 'server-error', count: 1 });
    expect((await t.call('GET', '/v1/evals')).status).toBe(503);
    const second = await t.call('GET', '/v1/evals');
    expect(second.status).toBe(503);
    expect(second.body.error.type).toBe('server_error');
    expect((await t.call('GET', '/v1/evals')).status).toBe(500);
    expect((await t.call('GET', '/v1/evals')).status).toBe(200);
  });
});

describe('reset faults', () => {
  it('destroys the connection without a response, then serves the next request', async () => {
    t.emu.faults.add({ kind: 'reset', count: 1 });
    await expect(fetch(`${t.emu.url}/api/v1/evaluations/`, { headers: auth })).rejects.toThrow();
    expect((await t.call('GET', '/api/v1/evaluations/')).status).toBe(200);
    expect(t.emu.requests.map((entry) => entry.status)).toEqual([0, 200]);
  });
});

describe('malformed-json faults', () => {
  it('answers 200 with a body that is not JSON', async () => {
    t.emu.faults.add({ kind: 'malformed-json', count: 1 });
    const res = await fetch(`${t.emu.url}/api/v3/evaluations`, { headers: auth });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    await expect(res.json()).rejects.toThrow(SyntaxError);
    expect((await t.call('GET', '/api/v3/evaluations')).status).toBe(200);
  });
});

describe('latency faults', () => {
  it('holds the matching request back while others are answered', async () => {
    t.emu.faults.add({ kind: 'latency', ms: 400, count: 1, match: { pathIncludes: '/status' } });
    const { evaluation_id: id } = (await t.call('POST', '/api/v3/evaluations', { model_id: 'm', benchmark_id: 'b' })).body;
    const finished: string[] = [];
    const slow = t.call('GET', `/api/v3/evaluations/${id}/status`).then((res) => finished.push(`slow:${res.status}`));
    while (!t.emu.requests.some((entry) => entry.path.endsWith('/status'))) await new Promise((r) => setTimeout(r, 5));
    await t.call('GET', '/api/v3/evaluations').then((res) => finished.push(`fast:${res.status}`));
    await slow;
    expect(finished).toEqual(['fast:200', 'slow:200']);
  });
});

describe('fault matching and clearing', () => {
  it('hits only requests matching provider, method and path', async () => {
    t.emu.faults.add({ kind: 'server-error', count: 1, match: { provider: 'nugen', method: 'post', pathIncludes: '/evaluations' } });
    expect((await t.call('GET', '/api/v3/evaluations')).status).toBe(200);
    expect((await t.call('POST', '/api/v1/evaluations/', { name: 'x' })).status).toBe(201);
    expect((await t.call('POST', '/api/v3/evaluations', { model_id: 'm', benchmark_id: 'b' })).status).toBe(500);
    expect((await t.call('POST', '/api/v3/evaluations', { model_id: 'm', benchmark_id: 'b' })).status).toBe(200);
  });

  it('clear() drops pending faults', async () => {
    t.emu.faults.add({ kind: 'server-error', count: 5 });
    t.emu.faults.clear();
    expect((await t.call('GET', '/v1/evals')).status).toBe(200);
  });

  it('rejects invalid fault specs with a clear error', () => {
    // @ts-expect-error: an unknown kind is what this test sends
    expect(() => t.emu.faults.add({ kind: 'explode', count: 1 })).toThrow(/kind/);
    expect(() => t.emu.faults.add({ kind: 'rate-limit', count: 0 })).toThrow(/count/);
  });
});
