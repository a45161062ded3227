import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type PrimeCreateRequest,
  AuthenticationError,
  UnsupportedOperationError,
  ConflictError,
  NotFoundError,
  UnprocessableEntityError,
} from '../../src/index.js';
import { EMULATOR_KEY, startHarness, type EmulatorHarness } from '../support/emulator-setup.js';

let h: EmulatorHarness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.emu.close();
});

const hosted: PrimeCreateRequest = {
  provider: 'prime',
  name: 'nightly',
  isHosted: true,
  environments: [{ id: 'gsm8k' }],
  inferenceModel: 'meta/llama',
  evalConfig: { num_examples: 5, rollouts_per_example: 3 },
  tags: ['evalgate'],
  metadata: { evalgate: '1', evalgate_sha: 'abc' },
};

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
    await client.pushSamples(
      created.id,
      Array.from({ length: 7 }, (_, i) => ({ score: i / 6, prompt: `q${i}` })),
      { batchSize: 3 },
    );
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
    await expect(client.cancel(local.id)).rejects.toBeInstanceOf(UnsupportedOperationError);
    expect(h.emu.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
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

describe('Prime fidelity against the emulator (issue 8)', () => {
  it('starts hosted runs through POST /api/v1/hosted-evaluations with a complete eval_config, then tags them with PUT', async () => {
    const client = h.client('prime');
    const created = await client.create(hosted);
    expect(h.emu.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/v1/hosted-evaluations', `PUT /api/v1/evaluations/${created.id}`]);
    const stored = await (
      await fetch(`${h.emu.baseUrls.prime}/api/v1/evaluations/${created.id}`, { headers: { authorization: `Bearer ${EMULATOR_KEY}` } })
    ).json();
    expect(stored).toMatchObject({
      is_hosted: true,
      environment_ids: ['gsm8k'],
      inference_model: 'meta/llama',
      eval_config: { num_examples: 5, rollouts_per_example: 3, timeout_minutes: 120 },
      tags: ['evalgate'],
      metadata: { evalgate: '1', evalgate_sha: 'abc' },
    });
    expect(created).toMatchObject({ status: 'queued', capabilities: { canCancel: true }, metadata: { evalgate: '1' } });
  });

  it('finalizing a completed hosted run reads it (no POST finalize) and keeps the server figures', async () => {
    h.emu.configure({ scores: [0.25, 0.75, 1] });
    const client = h.client('prime');
    const created = await client.create(hosted);
    await client.waitForCompletion(created.id, { initialIntervalMs: 1000 });
    const finalized = await client.finalize(created.id);
    expect(finalized.scores).toEqual({ avg: 2 / 3, min: 0.25, max: 1, count: 3 });
    expect(h.emu.requests.some((r) => r.path.endsWith('/finalize'))).toBe(false);
  });

  it('pushes samples carrying reward and score; the server statistics come from them', async () => {
    const client = h.client('prime');
    const created = await client.create({ provider: 'prime', name: 'local', modelName: 'mine' });
    await client.pushSamples(created.id, [{ reward: 1 }, { score: 0.5 }, { reward: 0, correct: false }]);
    const finalized = await client.finalize(created.id);
    expect(finalized.scores).toEqual({ avg: 0.5, min: 0, max: 1, count: 3 });
  });

  it.each(['oldest-first', 'newest-first', 'shuffled'] as const)('list (%s, 130 evaluations) yields each one once', async (order) => {
    h.emu.seed('prime', 130);
    h.emu.configure({ primeListOrder: order });
    const client = h.client('prime');
    const ids: string[] = [];
    for await (const evaluation of client.list({ pageSize: 100 })) ids.push(evaluation.id);
    expect(ids).toHaveLength(130);
    expect(new Set(ids)).toEqual(new Set(h.emu.evaluations('prime').map((record) => record.id)));
  });

  it('list filters by environment id', async () => {
    const client = h.client('prime');
    h.emu.seed('prime', 3);
    const mine = await client.create(hosted);
    const found = [];
    for await (const evaluation of client.list({ environmentId: 'gsm8k' })) found.push(evaluation.id);
    expect(found).toEqual([mine.id]);
  });
});
