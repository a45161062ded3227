/**
 * The official `openai` SDK (6.49.0, the newest whose engines allow Node 20) against the emulator's `/v1`: every
 * evals, runs and output-items method it has, including its auto-pagination (CursorPage: after = last item's id).
 * 6.x cancels on the bare path (≤ 7.25.0 do; ≥ 7.26.0 use `/cancel`, QUIRKS OPENAI-1).
 */
import OpenAI, { NotFoundError } from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_KEY, startTestEmulator, type TestEmulator } from './helpers.js';

let t: TestEmulator;
let openai: OpenAI;
beforeEach(async () => {
  t = await startTestEmulator({ sampleCount: 5 });
  openai = new OpenAI({ apiKey: API_KEY, baseURL: `${t.emu.url}/v1`, maxRetries: 0 });
});
afterEach(async () => {
  await t.emu.close();
});

const paths = () => t.emu.requests.map((request) => `${request.method} ${request.path}`);

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('openai SDK → emulator', () => {
  it('evals: create, retrieve, update, list (auto-paginated), delete', async () => {
    const created = await openai.evals.create({
      name: 'SDK eval',
      data_source_config: { type: 'custom', item_schema: { type: 'object', properties: { q: { type: 'string' } } }, include_sample_schema: true },
      testing_criteria: [
        { type: 'string_check', name: 'eq', input: '{{sample.output_text}}', reference: '{{item.q}}', operation: 'eq' },
        {
          type: 'label_model',
          name: 'label',
          model: 'o3-mini',
          input: [{ role: 'user', content: 'Is {{sample.output_text}} right?' }],
          labels: ['yes', 'no'],
          passing_labels: ['yes'],
        },
      ],
      metadata: { team: 'ml' },
    });
    expect(created).toMatchObject({ object: 'eval', name: 'SDK eval', metadata: { team: 'ml' } });
    expect(created.testing_criteria[1]).toMatchObject({
      input: [{ type: 'message', role: 'user', content: { type: 'input_text', text: 'Is {{sample.output_text}} right?' } }],
    });

    expect((await openai.evals.retrieve(created.id)).id).toBe(created.id);
    expect(await openai.evals.update(created.id, { name: 'Renamed' })).toMatchObject({ id: created.id, name: 'Renamed' });

    for (let i = 0; i < 3; i++) {
      t.clock.advance(1);
      await openai.evals.create({
        data_source_config: { type: 'logs' },
        testing_criteria: [{ type: 'python', name: `py${i}`, source: 'def grade(s, i): return 1' }],
      });
    }
    const all = await collect(openai.evals.list({ limit: 2 }));
    expect(all).toHaveLength(5);
    expect(new Set(all.map((entry) => entry.id)).size).toBe(5);
    expect(all[0]?.id).toBe('eval_demo');
    const listCalls = t.emu.requests.filter((request) => request.path.startsWith('/v1/evals?'));
    expect(listCalls.map((request) => request.path)).toEqual([
      '/v1/evals?limit=2',
      `/v1/evals?limit=2&after=${all[1]?.id}`,
      `/v1/evals?limit=2&after=${all[3]?.id}`,
    ]);

    expect(await openai.evals.delete(created.id)).toEqual({ object: 'eval.deleted', deleted: true, eval_id: created.id });
    await expect(openai.evals.retrieve(created.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('runs: create, retrieve, list (auto-paginated, status filter), cancel, delete', async () => {
    const run = await openai.evals.runs.create('eval_demo', {
      name: 'sdk run',
      data_source: {
        type: 'completions',
        model: 'gpt-4o-mini',
        source: { type: 'file_content', content: [{ item: { input: 'a', expected: 'a' } }] },
        input_messages: { type: 'template', template: [{ role: 'user', content: '{{item.input}}' }] },
        sampling_params: { max_completion_tokens: 16 },
      },
    });
    expect(run).toMatchObject({ object: 'eval.run', eval_id: 'eval_demo', status: 'queued', per_model_usage: null, error: null });
    expect((await openai.evals.runs.retrieve(run.id, { eval_id: 'eval_demo' })).id).toBe(run.id);

    t.emu.seed('openai', 4);
    const runs = await collect(openai.evals.runs.list('eval_demo', { limit: 2, order: 'desc' }));
    expect(runs.map((entry) => entry.id)).toEqual(
      t.emu
        .evaluations('openai')
        .map((entry) => entry.id)
        .reverse(),
    );
    expect((await collect(openai.evals.runs.list('eval_demo', { status: 'queued' }))).map((entry) => entry.id)).toContain(run.id);

    t.clock.advance(300);
    const cancelled = await openai.evals.runs.cancel(run.id, { eval_id: 'eval_demo' });
    expect(cancelled.status).toBe('canceled');
    expect(paths()).toContain(`POST /v1/evals/eval_demo/runs/${run.id}`);

    expect(await openai.evals.runs.delete(run.id, { eval_id: 'eval_demo' })).toEqual({ object: 'eval.run.deleted', deleted: true, run_id: run.id });
    await expect(openai.evals.runs.retrieve(run.id, { eval_id: 'eval_demo' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('the 6.x SDK cannot cancel where only /cancel exists, and can where only the bare path does', async () => {
    const run = await openai.evals.runs.create('eval_demo', { data_source: { type: 'jsonl', source: { type: 'file_id', id: 'file-1' } } });
    t.emu.configure({ openaiCancelPaths: 'cancel-suffix' });
    await expect(openai.evals.runs.cancel(run.id, { eval_id: 'eval_demo' })).rejects.toMatchObject({ status: 405 });
    t.emu.configure({ openaiCancelPaths: 'bare' });
    expect((await openai.evals.runs.cancel(run.id, { eval_id: 'eval_demo' })).status).toBe('canceled');
  });

  it('output items: list (auto-paginated, status filter) and retrieve', async () => {
    t.emu.configure({ scores: [0.9, 0.2, 0.6, 0.1, 1] });
    const run = await openai.evals.runs.create('eval_demo', { data_source: { type: 'jsonl', source: { type: 'file_id', id: 'file-1' } } });
    t.clock.advance(1000);
    const items = await collect(openai.evals.runs.outputItems.list(run.id, { eval_id: 'eval_demo', limit: 2 }));
    expect(items.map((item) => item.results[0]?.score)).toEqual([0.9, 0.2, 0.6, 0.1, 1]);
    const failing = await collect(openai.evals.runs.outputItems.list(run.id, { eval_id: 'eval_demo', status: 'fail' }));
    expect(failing.map((item) => item.results[0]?.score)).toEqual([0.2, 0.1]);
    const one = await openai.evals.runs.outputItems.retrieve(items[2]!.id, { eval_id: 'eval_demo', run_id: run.id });
    expect(one).toEqual(items[2]);
    const finished = await openai.evals.runs.retrieve(run.id, { eval_id: 'eval_demo' });
    expect(finished.result_counts).toEqual({ total: 5, errored: 0, failed: 2, passed: 3 });
  });
});
