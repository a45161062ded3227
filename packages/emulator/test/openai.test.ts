import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestEmulator, START, type TestEmulator } from './helpers.js';

let t: TestEmulator;
beforeEach(async () => {
  t = await startTestEmulator();
});
afterEach(async () => {
  await t.emu.close();
});

const runBody = { name: 'nightly', data_source: { type: 'completions', model: 'gpt-4.1-mini', source: { type: 'file_id', id: 'file-1' } } };
const createRun = async () => (await t.call('POST', '/v1/evals/eval_demo/runs', runBody)).body;

describe('OpenAI evals', () => {
  it('starts with eval_demo and gets, lists, updates and creates evals', async () => {
    const demo = await t.call('GET', '/v1/evals/eval_demo');
    expect(demo.status).toBe(200);
    expect(demo.body).toMatchObject({ object: 'eval', id: 'eval_demo', name: 'Demo eval', share_with_openai: false, created_at: START / 1000 });
    expect(demo.body.testing_criteria[0].type).toBe('string_check');

    const updated = await t.call('POST', '/v1/evals/eval_demo', { name: 'Renamed', metadata: { team: 'ml' } });
    expect(updated.body).toMatchObject({ id: 'eval_demo', name: 'Renamed', metadata: { team: 'ml' } });

    const created = await t.call('POST', '/v1/evals', {
      name: 'Mine',
      data_source_config: { type: 'custom', item_schema: { type: 'object' } },
      testing_criteria: [{ type: 'string_check', name: 'eq', input: 'a', reference: 'b', operation: 'eq' }],
    });
    expect(created.status).toBe(200);
    expect(created.body.id).toMatch(/^eval_[0-9a-f]{32}$/);
    expect(created.body.data_source_config).toEqual({
      type: 'custom',
      schema: { type: 'object', properties: { item: { type: 'object' } }, required: ['item'] },
    });
    const list = await t.call('GET', '/v1/evals?limit=1');
    expect(list.body).toMatchObject({ object: 'list', first_id: created.body.id, last_id: created.body.id, has_more: true });
  });

  it('answers 401 in the OpenAI shape', async () => {
    const res = await t.call('GET', '/v1/evals/eval_demo', undefined, { key: 'sk-wrong' });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      error: { message: 'Incorrect API key provided', type: 'invalid_request_error', param: null, code: 'invalid_api_key' },
    });
  });

  it('answers 404 for unknown evals and runs, and runs of another eval', async () => {
    expect((await t.call('GET', '/v1/evals/eval_nope')).status).toBe(404);
    const run = await createRun();
    const other = await t.call('POST', '/v1/evals', {
      data_source_config: { type: 'logs' },
      testing_criteria: [{ type: 'string_check', name: 'eq' }],
    });
    const res = await t.call('GET', `/v1/evals/${other.body.id}/runs/${run.id}`);
    expect(res.status).toBe(404);
    expect(res.body.error.type).toBe('invalid_request_error');
  });

  it('rejects bad bodies with 400 invalid_request_error naming the param', async () => {
    const res = await t.call('POST', '/v1/evals/eval_demo/runs', { data_source: { type: 'csv' } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ type: 'invalid_request_error', param: 'data_source.type' });
    const meta = await t.call('POST', '/v1/evals/eval_demo', { metadata: { n: 1 } });
    expect(meta.status).toBe(400);
    expect(meta.body.error.param).toBe('metadata.n');
    const missing = await t.call('POST', '/v1/evals', { name: 'x' });
    expect(missing.body.error.param).toBe('data_source_config');
  });
});

describe('OpenAI runs', () => {
  it('goes queued → in_progress → completed; result counts and output items match the scores', async () => {
    t.emu.configure({ scores: [0.9, 0.1, 0.7, 0.3] });
    const run = await createRun();
    expect(run).toMatchObject({ object: 'eval.run', eval_id: 'eval_demo', status: 'queued', model: 'gpt-4.1-mini', name: 'nightly', created_at: START / 1000, error: null });
    expect(run.id).toMatch(/^evalrun_[0-9a-f]{32}$/);
    const get = async () => (await t.call('GET', `/v1/evals/eval_demo/runs/${run.id}`)).body;
    t.clock.advance(550);
    const mid = await get();
    expect(mid.status).toBe('in_progress');
    expect(mid.result_counts).toEqual({ total: 2, errored: 0, failed: 1, passed: 1 });
    t.clock.advance(450);
    const done = await get();
    expect(done.status).toBe('completed');
    expect(done.result_counts).toEqual({ total: 4, errored: 0, failed: 2, passed: 2 });
    expect(done.per_testing_criteria_results).toEqual([{ testing_criteria: 'Exact match', passed: 2, failed: 2 }]);
    expect(done.per_model_usage[0]).toMatchObject({ model_name: 'gpt-4.1-mini', invocation_count: 4 });

    const items = await t.call('GET', `/v1/evals/eval_demo/runs/${run.id}/output_items?order=asc`);
    expect(items.body.data.map((item: { results: Array<{ score: number }> }) => item.results[0]!.score)).toEqual([0.9, 0.1, 0.7, 0.3]);
    expect(items.body.data.map((item: { status: string }) => item.status)).toEqual(['pass', 'fail', 'pass', 'fail']);
    const failedOnly = await t.call('GET', `/v1/evals/eval_demo/runs/${run.id}/output_items?status=fail`);
    expect(failedOnly.body.data).toHaveLength(2);
  });

  it('reports failed runs with an error', async () => {
    t.emu.configure({ outcome: 'failed' });
    const run = await createRun();
    t.clock.advance(1000);
    const res = await t.call('GET', `/v1/evals/eval_demo/runs/${run.id}`);
    expect(res.body.status).toBe('failed');
    expect(res.body.error.code).toBe('run_failed');
  });

  it('cancels a running run; cancelling a terminal run returns it unchanged', async () => {
    const run = await createRun();
    t.clock.advance(200);
    const cancelled = await t.call('POST', `/v1/evals/eval_demo/runs/${run.id}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('canceled');
    t.clock.advance(5000);
    const again = await t.call('POST', `/v1/evals/eval_demo/runs/${run.id}`);
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('canceled');
    expect(t.emu.evaluations('openai')[0]).toMatchObject({ terminalAt: START + 200, status: 'canceled' });

    const finished = await createRun();
    t.clock.advance(1000);
    expect((await t.call('POST', `/v1/evals/eval_demo/runs/${finished.id}`)).body.status).toBe('completed');
  });

  it('pages runs newest first with after/limit/has_more/last_id, ascending on request, filtered by status', async () => {
    t.emu.seed('openai', 25);
    const newestFirst = t.emu.evaluations('openai').map((record) => record.id).reverse();
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const res = await t.call('GET', `/v1/evals/eval_demo/runs?limit=10${after ? `&after=${after}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((run: { id: string }) => run.id));
      expect(res.body.last_id).toBe(seen[seen.length - 1]);
      pages++;
      if (!res.body.has_more) break;
      after = res.body.last_id;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(newestFirst);
    const asc = await t.call('GET', '/v1/evals/eval_demo/runs?limit=2&order=asc');
    expect(asc.body.data.map((run: { id: string }) => run.id)).toEqual(newestFirst.slice(-2).reverse());
    t.emu.setStatus('openai', newestFirst[0]!, 'completed');
    const completed = await t.call('GET', '/v1/evals/eval_demo/runs?status=completed');
    expect(completed.body.data.map((run: { id: string }) => run.id)).toEqual([newestFirst[0]]);
    expect((await t.call('GET', '/v1/evals/eval_demo/runs?limit=101')).status).toBe(400);
  });
});
