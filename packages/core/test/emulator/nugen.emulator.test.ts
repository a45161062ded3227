import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aggregateScores, AuthenticationError, NotFoundError, UnprocessableEntityError, UnsupportedOperationError } from '../../src/index.js';
import { startHarness, type EmulatorHarness } from '../support/emulator-setup.js';

let h: EmulatorHarness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.emu.close();
});

/** The per-question scores the emulator's own download file carries, read over HTTP like any client would. */
async function downloadedScores(id: string): Promise<{ single: number[] | undefined; base: number[] | undefined; eval: number[] | undefined }> {
  const res = await fetch(`${h.emu.baseUrls.nugen}/api/v3/evaluations/${id}/download`, { headers: { authorization: 'Bearer emu-test-key-0123456789' } });
  const file = (await res.json()) as {
    detailed_results?: Array<{ score: number }>;
    base_model?: { detailed_results: Array<{ score: number }> };
    eval_model?: { detailed_results: Array<{ score: number }> };
  };
  const scores = (rows?: Array<{ score: number }>) => rows?.map((row) => row.score);
  return { single: scores(file.detailed_results), base: scores(file.base_model?.detailed_results), eval: scores(file.eval_model?.detailed_results) };
}

describe.each(['upper', 'lower'] as const)('Nugen against the emulator (%s-case statuses)', (nugenStatusCase) => {
  beforeEach(() => h.emu.configure({ nugenStatusCase }));

  it('runs to completion; scores come from the download file, progress from the integer counters', async () => {
    h.emu.configure({ scores: [0.2, 0.4, 0.9] });
    const client = h.client('nugen');
    const created = await client.create({ provider: 'nugen', modelId: 'llama-3', benchmarkId: 'mmlu' });
    expect(created).toMatchObject({ name: 'llama-3 on mmlu', status: nugenStatusCase === 'upper' ? 'running' : 'queued', capabilities: { canCancel: false } });
    const progress: number[] = [];
    const done = await client.waitForCompletion(created.id, {
      initialIntervalMs: 1000,
      onProgress: (e) => progress.push(e.progress?.fraction ?? -1),
    });
    expect(done.status).toBe('completed');
    expect(done.rawStatus).toBe(nugenStatusCase === 'upper' ? 'READY' : 'completed');
    expect(done.scores).toMatchObject({ min: 0.2, max: 0.9, count: 3, passRate: 1 / 3 });
    expect(done.scores?.avg).toBeCloseTo(0.5, 10);
    expect(progress.every((fraction) => fraction >= 0 && fraction <= 1)).toBe(true);
    expect(progress.at(-1)).toBe(1);
  });

  it('comparison mode: both models scored from the per-model download blocks', async () => {
    const client = h.client('nugen');
    const created = await client.create({ provider: 'nugen', modelId: 'a', benchmarkId: 'mmlu', modelId2: 'b' });
    const done = await client.waitForCompletion(created.id, { initialIntervalMs: 1000 });
    const file = await downloadedScores(created.id);
    expect(done.scores).toEqual(aggregateScores(file.base ?? []));
    expect(done.comparison).toEqual({ model: 'b', scores: aggregateScores(file.eval ?? []) });
    expect(done.scores?.count).toBe(20);
  });

  it('ends failed (not timed out) when Nugen says failed, without asking for results', async () => {
    h.emu.configure({ outcome: 'failed' });
    const client = h.client('nugen');
    const created = await client.create({ provider: 'nugen', modelId: 'a', benchmarkId: 'mmlu' });
    const done = await client.waitForCompletion(created.id, { initialIntervalMs: 1000, deadline: h.clock.now() + 60_000 });
    expect(done.status).toBe('failed');
    expect(done.scores).toBeUndefined();
    expect(h.emu.requests.filter((r) => /\/(results|download)$/.test(r.path))).toHaveLength(0);
  });

  it('list rows carry the *_mean/_min/_max aggregates of completed evaluations', async () => {
    h.emu.configure({ scores: [0, 0.5, 1] });
    const client = h.client('nugen');
    const single = await client.create({ provider: 'nugen', modelId: 'a', benchmarkId: 'mmlu' });
    const compare = await client.create({ provider: 'nugen', modelId: 'a', benchmarkId: 'mmlu', modelId2: 'b' });
    await client.waitForCompletion(compare.id, { initialIntervalMs: 1000 });
    const rows = new Map<string, unknown>();
    for await (const e of client.list()) rows.set(e.id, e);
    expect(rows.get(single.id)).toMatchObject({ status: 'completed', scores: { avg: 0.5, min: 0, max: 1 } });
    expect(rows.get(compare.id)).toMatchObject({ scores: { avg: 0.5, min: 0, max: 1 }, comparison: { scores: { avg: expect.any(Number) } } });
  });
});

describe('Nugen against the emulator: errors, paging, vocabulary', () => {
  it('maps 401, 404 and FastAPI 422', async () => {
    await expect(h.client('nugen', { apiKey: 'x' }).get('eval-1')).rejects.toBeInstanceOf(AuthenticationError);
    await expect(h.client('nugen').get('eval-missing')).rejects.toBeInstanceOf(NotFoundError);
    const error = (await h
      .client('nugen')
      .create({ provider: 'nugen', modelId: 'm', benchmarkId: 'b', judgeProvider: '' })
      .catch((e: unknown) => e)) as UnprocessableEntityError;
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error.details.some((d) => d.param === 'judge_provider')).toBe(true);
  });

  it('cannot cancel', async () => {
    const client = h.client('nugen');
    const created = await client.create({ provider: 'nugen', modelId: 'a', benchmarkId: 'mmlu' });
    await expect(client.cancel(created.id)).rejects.toBeInstanceOf(UnsupportedOperationError);
    expect(h.emu.requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);
  });

  it('pages through seeded evaluations with offset/limit, in either list order', async () => {
    h.emu.seed('nugen', 5);
    const client = h.client('nugen');
    for (const nugenListOrder of ['newest-first', 'oldest-first'] as const) {
      h.emu.configure({ nugenListOrder });
      const ids: string[] = [];
      for await (const e of client.list({ pageSize: 2 })) ids.push(e.id);
      expect(ids).toHaveLength(5);
      expect(new Set(ids).size).toBe(5);
    }
    expect((await client.listPage({ pageSize: 2 })).total).toBe(5);
  });

  it('keeps polling through a status word neither vocabulary has (NUGEN-5)', async () => {
    const client = h.client('nugen');
    const created = await client.create({ provider: 'nugen', modelId: 'a', benchmarkId: 'mmlu' });
    h.emu.setStatus('nugen', created.id, 'on_hold');
    expect(await client.get(created.id)).toMatchObject({ status: 'running', rawStatus: 'on_hold' });
    h.emu.setStatus('nugen', created.id, 'Evaluated');
    expect((await client.get(created.id)).status).toBe('completed');
  });
});
