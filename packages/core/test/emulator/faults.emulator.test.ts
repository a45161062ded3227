import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConnectionError, RateLimitError, ResponseValidationError, TimeoutError } from '../../src/index.js';
import { EMULATOR_KEY, startHarness, type EmulatorHarness } from '../support/emulator-setup.js';

let h: EmulatorHarness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.emu.close();
});

const primeGets = { provider: 'prime', method: 'GET' } as const;

describe('fault handling against the emulator', () => {
  it.each([
    [{ retryAfterSeconds: 2 }, 2000],
    [{ retryAfterMs: 750 }, 750],
    [{ retryAfterSeconds: 5, retryAfterDate: true }, 5000],
  ])('honours the Retry-After of a 429 (%j)', async (retryAfter, expected) => {
    h.emu.faults.add({ kind: 'rate-limit', count: 1, ...retryAfter, match: primeGets });
    h.emu.seed('prime', 1);
    const page = await h.client('prime').listPage();
    expect(page.items).toHaveLength(1);
    expect(h.clock.delays).toHaveLength(1);
    // An HTTP date has whole-second precision.
    expect(Math.abs((h.clock.delays[0] ?? 0) - expected)).toBeLessThan(1000);
  });

  it('gives up with RateLimitError after the retry budget', async () => {
    h.emu.faults.add({ kind: 'rate-limit', count: 10, retryAfterMs: 10, match: primeGets });
    await expect(h.client('prime', { maxRetries: 2 }).listPage()).rejects.toBeInstanceOf(RateLimitError);
    expect(h.emu.requests).toHaveLength(3);
  });

  it('rides out a burst of 503s', async () => {
    h.emu.faults.add({ kind: 'server-error', count: 2, status: 503, match: { provider: 'nugen' } });
    expect((await h.client('nugen').listPage()).items).toEqual([]);
    expect(h.emu.requests.map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it('retries a GET after a reset but not a create', async () => {
    const client = h.client('openai');
    h.emu.faults.add({ kind: 'reset', count: 1, match: { provider: 'openai', method: 'GET' } });
    expect((await client.listGroups!()).items.length).toBeGreaterThan(0);
    h.emu.faults.add({ kind: 'reset', count: 1, match: { provider: 'openai', method: 'POST' } });
    await expect(client.create({ provider: 'openai', evalId: 'eval_demo', dataSource: { type: 'jsonl' } })).rejects.toBeInstanceOf(ConnectionError);
    expect(h.emu.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('retries malformed JSON, then throws ResponseValidationError', async () => {
    h.emu.faults.add({ kind: 'malformed-json', count: 1, match: primeGets });
    expect((await h.client('prime').listPage()).items).toEqual([]);
    h.emu.faults.add({ kind: 'malformed-json', count: 5, match: primeGets });
    await expect(h.client('prime', { maxRetries: 2 }).listPage()).rejects.toBeInstanceOf(ResponseValidationError);
  });

  it('times out a slow answer', async () => {
    h.emu.faults.add({ kind: 'latency', ms: 2000, count: 1, match: primeGets });
    await expect(h.client('prime', { timeoutMs: 50, maxRetries: 0 }).listPage()).rejects.toBeInstanceOf(TimeoutError);
  });

  it('never lets the API key into an error', async () => {
    h.emu.faults.add({ kind: 'server-error', count: 10, match: primeGets });
    const error = (await h
      .client('prime', { maxRetries: 1 })
      .get('x')
      .catch((e: unknown) => e)) as Error;
    expect(`${error.message}${error.stack ?? ''}${JSON.stringify(error)}${String(error)}`).not.toContain(EMULATOR_KEY);
  });
});
