import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type PrimeCreateRequest,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  NotFoundError,
  UnprocessableEntityError,
} from '../../src/index.js';
import { startHarness, type EmulatorHarness } from '../support/emulator-setup.js';

let h: EmulatorHarness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.emu.close();
});

const hosted: PrimeCreateRequest = { provider: 'prime', name: 'nightly', isHosted: true, environments: [{ id: 'gsm8k' }], inferenceModel: 'meta/llama' };

describe('Prime against the emulator', () => {
  it('runs a hosted evaluation from PENDING to COMPLETED and finalizes it with the configured scores', async () => {
    h.emu.configure({ scores: [0, 0.5, 1, 0.5] });
    const client = h.client('prime');
    const created = await client.create(hosted);
    expect(created.status).toBe('queued');
    expect(created.capabilities.canCancel).toBe(true);
    const statuses: string[] = [];
    const done = await client.waitForCompletion(created.id, { initialIntervalMs: 500, onProgress: (e) => statuses.push(e.rawStatus) });
    expect(done.status).toBe('completed');
    expect(statuses[0]).toBe('PENDING');
    expect(statuses).toContain('RUNNING');
    const finalized = await client.finalize(created.id);
    expect(finalized.scores).toEqual({ avg: 0.5, min: 0, max: 1, count: 4 });
    expect((await client.finalize(created.id)).scores).toEqual(finalized.scores);
  });

  it('drives a client-driven evaluation: push samples, finalize, then refuses more samples', async () => {
    const client = h.client('prime');
    const created = await client.create({ provider: 'prime', name: 'local run', modelName: 'mine' });
    expect(created.status).toBe('running');
    expect(created.capabilities.canCancel).toBe(false);
    await client.pushSamples(created.id, Array.from({ length: 7 }, (_, i) => ({ score: i / 6, prompt: `q${i}` })), { batchSize: 3 });
    expect(h.emu.requests.filter((r) => r.path.endsWith('/samples'))).toHaveLength(3);
    const finalized = await client.finalize(created.id);
    expect(finalized.status).toBe('completed');
    expect(finalized.scores).toMatchObject({ min: 0, max: 1, count: 7 });
    expect(finalized.scores?.avg).toBeCloseTo(0.5, 10);
    await expect(client.pushSamples(created.id, [{ score: 1 }])).rejects.toBeInstanceOf(ConflictError);
  });

  it('cancels a hosted evaluation; a second cancel is a conflict; a client-driven one cannot be cancelled', async () => {
    const client = h.client('prime');
    const created = await client.create(hosted);
    const cancelled = await client.cancel(created.id);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.capabilities.canCancel).toBe(false);
    await expect(client.cancel(created.id)).rejects.toBeInstanceOf(ConflictError);
    const local = await client.create({ provider: 'prime', name: 'local' });
    await expect(client.cancel(local.id)).rejects.toBeInstanceOf(BadRequestError);
  });

  it.each([
    ['failed', 'failed', 'FAILED'],
    ['timeout', 'timed_out', 'TIMEOUT'],
  ] as const)('ends a hosted evaluation with outcome %s as %s', async (outcome, status, raw) => {
    h.emu.configure({ outcome });
    const client = h.client('prime');
    const created = await client.create(hosted);
    const done = await client.waitForCompletion(created.id, { initialIntervalMs: 1000 });
    expect(done.status).toBe(status);
    expect(done.rawStatus).toBe(raw);
  });

  it('maps 401, 404 and 422 from the emulator', async () => {
    await expect(h.client('prime', { apiKey: 'wrong' }).get('x')).rejects.toBeInstanceOf(AuthenticationError);
    await expect(h.client('prime').get('does-not-exist')).rejects.toThrow(NotFoundError);
    const error = (await h
      .client('prime')
      .create({ provider: 'prime', name: 'x', tags: 'not-a-list' as unknown as string[] })
      .catch((e: unknown) => e)) as UnprocessableEntityError;
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error.details.some((d) => d.param?.includes('tags'))).toBe(true);
    expect(error.message).toMatch(/^prime POST \/api\/v1\/evaluations\/ failed with 422: .*tags.*\(request req_\d+\)$/);
  });

  it('pages through seeded evaluations, newest first', async () => {
    h.emu.seed('prime', 7);
    const client = h.client('prime');
    const first = await client.listPage({ pageSize: 3 });
    expect(first.total).toBe(7);
    expect(first.items).toHaveLength(3);
    const all = [];
    for await (const evaluation of client.list({ pageSize: 3 })) all.push(evaluation);
    expect(all).toHaveLength(7);
    expect(new Set(all.map((e) => e.id)).size).toBe(7);
    const times = all.map((e) => e.createdAt?.getTime() ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(h.emu.requests.filter((r) => r.path.startsWith('/api/v1/evaluations/?'))).toHaveLength(4);
  });

  it('reports an unknown raw status as unknown and keeps polling through it', async () => {
    const client = h.client('prime');
    const created = await client.create(hosted);
    h.emu.setStatus('prime', created.id, 'QUARANTINED');
    const evaluation = await client.get(created.id);
    expect(evaluation).toMatchObject({ status: 'unknown', rawStatus: 'QUARANTINED' });
    let polls = 0;
    const done = await client.waitForCompletion(created.id, {
      initialIntervalMs: 100,
      onProgress: () => {
        if (++polls === 1) h.emu.setStatus('prime', created.id, 'COMPLETED');
      },
    });
    expect(done.status).toBe('completed');
  });
});
