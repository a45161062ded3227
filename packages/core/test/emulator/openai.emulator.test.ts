import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthenticationError, NotFoundError, type OpenAICreateRequest } from '../../src/index.js';
import { startHarness, type EmulatorHarness } from '../support/emulator-setup.js';

let h: EmulatorHarness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.emu.close();
});

const runRequest: OpenAICreateRequest = {
  provider: 'openai',
  evalId: 'eval_demo',
  name: 'nightly',
  dataSource: { type: 'jsonl', source: { type: 'file_content', content: [] } },
  metadata: { branch: 'main' },
};

describe('OpenAI against the emulator', () => {
  it('runs from queued to completed and computes scores from every output item', async () => {
    h.emu.configure({ scores: Array.from({ length: 150 }, (_, i) => (i % 3 === 0 ? 0 : 1)) });
    const client = h.client('openai');
    const created = await client.create(runRequest);
    expect(created.id).toMatch(/^eval_demo\/evalrun_/);
    expect(created.status).toBe('queued');
    expect(created.metadata).toEqual({ branch: 'main' });
    const seen: string[] = [];
    const done = await client.waitForCompletion(created.id, { initialIntervalMs: 1000, onProgress: (e) => seen.push(e.rawStatus) });
    expect(done.status).toBe('completed');
    expect([...new Set(seen)]).toEqual(['queued', 'in_progress', 'completed']);
    // 150 items need two pages of output items (100 + 50).
    expect(done.scores).toMatchObject({ min: 0, max: 1, count: 150 });
    expect(done.scores?.avg).toBeCloseTo(100 / 150, 10);
    expect(done.scores?.passRate).toBeCloseTo(100 / 150, 10);
    expect(h.emu.requests.filter((r) => r.path.includes('/output_items'))).toHaveLength(2);
    expect(done.usage?.length).toBeGreaterThan(0);
  });

  it.each([['failed', 'failed']] as const)('ends with outcome %s as %s', async (outcome, status) => {
    h.emu.configure({ outcome });
    const client = h.client('openai');
    const created = await client.create(runRequest);
    expect((await client.waitForCompletion(created.id, { initialIntervalMs: 1000 })).status).toBe(status);
  });

  it('cancels a run, and cancelling it again returns it unchanged', async () => {
    const client = h.client('openai');
    const created = await client.create(runRequest);
    const cancelled = await client.cancel(created.id);
    expect(cancelled).toMatchObject({ status: 'cancelled', rawStatus: 'canceled', capabilities: { canCancel: false } });
    expect((await client.cancel(created.id)).status).toBe('cancelled');
  });

  it('maps 401 and 404', async () => {
    await expect(h.client('openai', { apiKey: 'nope' }).get('eval_demo/evalrun_x')).rejects.toBeInstanceOf(AuthenticationError);
    const error = (await h
      .client('openai')
      .get('eval_demo/evalrun_missing')
      .catch((e: unknown) => e)) as NotFoundError;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toMatch(/^openai GET \/v1\/evals\/eval_demo\/runs\/evalrun_missing failed with 404/);
  });

  it('lists evals as groups and pages through the runs of an eval', async () => {
    h.emu.seed('openai', 5);
    const client = h.client('openai');
    const groups = await client.listGroups!();
    expect(groups.items.map((g) => g.id)).toContain('eval_demo');
    const ids: string[] = [];
    for await (const e of client.list({ evalId: 'eval_demo', pageSize: 2 })) ids.push(e.id);
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    expect(h.emu.requests.filter((r) => r.path.startsWith('/v1/evals/eval_demo/runs?'))).toHaveLength(3);
    const everything: string[] = [];
    for await (const e of client.list({ pageSize: 2 })) everything.push(e.id);
    expect(everything.sort()).toEqual([...ids].sort());
  });

  it('reports an unknown raw status as unknown', async () => {
    const client = h.client('openai');
    const created = await client.create(runRequest);
    const runId = created.id.split('/')[1] ?? '';
    h.emu.setStatus('openai', runId, 'paused_for_review');
    expect(await client.get(created.id)).toMatchObject({ status: 'unknown', rawStatus: 'paused_for_review' });
  });
});
