import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthenticationError, NotFoundError, UnprocessableEntityError, UnsupportedOperationError } from '../../src/index.js';
import { startHarness, type EmulatorHarness } from '../support/emulator-setup.js';

let h: EmulatorHarness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.emu.close();
});

describe('Nugen against the emulator', () => {
  it('runs to completion and reads scores and the report from the results', async () => {
    h.emu.configure({ scores: [0.2, 0.4, 0.9] });
    const client = h.client('nugen');
    const created = await client.create({ provider: 'nugen', modelId: 'llama-3', benchmarkId: 'mmlu' });
    expect(created).toMatchObject({ name: 'llama-3 on mmlu', status: 'running', capabilities: { canCancel: false } });
    const progress: number[] = [];
    const seen: string[] = [];
    const done = await client.waitForCompletion(created.id, {
      initialIntervalMs: 1000,
      onProgress: (e) => {
        progress.push(e.progress?.fraction ?? -1);
        seen.push(e.status);
      },
    });
    expect(done.status).toBe('completed');
    expect(seen).toContain('running');
    expect(done.scores).toMatchObject({ min: 0.2, max: 0.9, count: 3 });
    expect(done.scores?.avg).toBeCloseTo(0.5, 10);
    expect(done.reportUrl).toBeTruthy();
    expect(progress.at(-1)).toBe(1);
  });

  it('returns the comparison model scores', async () => {
    const client = h.client('nugen');
    const created = await client.create({ provider: 'nugen', modelId: 'a', benchmarkId: 'mmlu', modelId2: 'b' });
    const done = await client.waitForCompletion(created.id, { initialIntervalMs: 1000 });
    expect(done.comparison?.model).toBe('b');
    expect(done.comparison?.scores?.count).toBeGreaterThan(0);
  });

  it('ends with outcome failed as failed', async () => {
    h.emu.configure({ outcome: 'failed' });
    const client = h.client('nugen');
    const created = await client.create({ provider: 'nugen', modelId: 'a', benchmarkId: 'mmlu' });
    const done = await client.waitForCompletion(created.id, { initialIntervalMs: 1000 });
    expect(done.status).toBe('failed');
    expect(done.scores).toBeUndefined();
  });

  it('maps 401, 404 and FastAPI 422', async () => {
    await expect(h.client('nugen', { apiKey: 'x' }).get('eval-1')).rejects.toBeInstanceOf(AuthenticationError);
    await expect(h.client('nugen').get('eval-missing')).rejects.toBeInstanceOf(NotFoundError);
    const error = (await h
      .client('nugen')
      .create({ provider: 'nugen', modelId: 'm', benchmarkId: 'b', customMetrics: 'bad' as unknown as Record<string, unknown> })
      .catch((e: unknown) => e)) as UnprocessableEntityError;
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error.details.some((d) => d.param === 'custom_metrics')).toBe(true);
  });

  it('cannot cancel', async () => {
    const client = h.client('nugen');
    const created = await client.create({ provider: 'nugen', modelId: 'a', benchmarkId: 'mmlu' });
    await expect(client.cancel(created.id)).rejects.toBeInstanceOf(UnsupportedOperationError);
  });

  it('pages through seeded evaluations with offset/limit', async () => {
    h.emu.seed('nugen', 5);
    const client = h.client('nugen');
    const ids: string[] = [];
    for await (const e of client.list({ pageSize: 2 })) ids.push(e.id);
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    expect((await client.listPage({ pageSize: 2 })).total).toBe(5);
  });

  it('reports an unknown raw status as unknown, case-insensitively known ones as known', async () => {
    const client = h.client('nugen');
    const created = await client.create({ provider: 'nugen', modelId: 'a', benchmarkId: 'mmlu' });
    h.emu.setStatus('nugen', created.id, 'on_hold');
    expect(await client.get(created.id)).toMatchObject({ status: 'unknown', rawStatus: 'on_hold' });
    h.emu.setStatus('nugen', created.id, 'Processing');
    expect((await client.get(created.id)).status).toBe('running');
  });
});
