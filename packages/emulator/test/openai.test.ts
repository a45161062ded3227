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
const createRun = async (evalId = 'eval_demo') => (await t.call('POST', `/v1/evals/${evalId}/runs`, runBody)).body;
const stringCheck = { type: 'string_check', name: 'eq', input: '{{sample.output_text}}', reference: '{{item.q}}', operation: 'eq' };
const evalBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Mine',
  data_source_config: { type: 'custom', item_schema: { type: 'object' } },
  testing_criteria: [stringCheck],
  ...overrides,
});
const ids = (body: { data: Array<{ id: string }> }) => body.data.map((entry) => entry.id);

describe('OpenAI evals', () => {
  it('starts with eval_demo and gets, lists, updates (POST) and creates (201) evals', async () => {
    const demo = await t.call('GET', '/v1/evals/eval_demo');
    expect(demo.status).toBe(200);
    expect(demo.body).toMatchObject({ object: 'eval', id: 'eval_demo', name: 'Demo eval', created_at: START / 1000 });
    // QUIRKS OPENAI-9: the current spec has no share_with_openai.
    expect(demo.body).not.toHaveProperty('share_with_openai');
    expect(demo.body.testing_criteria[0].type).toBe('string_check');

    const updated = await t.call('POST', '/v1/evals/eval_demo', { name: 'Renamed', metadata: { team: 'ml' } });
    expect(updated.body).toMatchObject({ id: 'eval_demo', name: 'Renamed', metadata: { team: 'ml' } });
    expect((await t.call('PATCH', '/v1/evals/eval_demo', { name: 'x' })).status).toBe(405);

    const created = await t.call('POST', '/v1/evals', evalBody());
    expect(created.status).toBe(201);
    expect(created.body.id).toMatch(/^eval_[0-9a-f]{32}$/);
    expect(created.body.data_source_config).toEqual({
      type: 'custom',
      schema: { type: 'object', properties: { item: { type: 'object' } }, required: ['item'] },
    });
  });

  it('lists oldest first by default (OPENAI-4), newest first on order=desc, and by updated_at on order_by', async () => {
    t.clock.advance(1000);
    const second = (await t.call('POST', '/v1/evals', evalBody({ name: 'second' }))).body.id;
    t.clock.advance(1000);
    const third = (await t.call('POST', '/v1/evals', evalBody({ name: 'third' }))).body.id;
    expect(ids((await t.call('GET', '/v1/evals')).body)).toEqual(['eval_demo', second, third]);
    expect(ids((await t.call('GET', '/v1/evals?order=desc')).body)).toEqual([third, second, 'eval_demo']);
    t.clock.advance(1000);
    await t.call('POST', '/v1/evals/eval_demo', { name: 'touched' });
    expect(ids((await t.call('GET', '/v1/evals?order_by=updated_at&order=desc')).body)).toEqual(['eval_demo', third, second]);
    const first = await t.call('GET', '/v1/evals?limit=1');
    expect(first.body).toMatchObject({ object: 'list', first_id: 'eval_demo', last_id: 'eval_demo', has_more: true });
    // The next page starts after the last item's id (OPENAI-5).
    expect(ids((await t.call('GET', `/v1/evals?limit=5&after=${first.body.data[0].id}`)).body)).toEqual([second, third]);
    expect((await t.call('GET', '/v1/evals?order_by=name')).status).toBe(400);
  });

  it('deletes an eval and its runs', async () => {
    const created = (await t.call('POST', '/v1/evals', evalBody())).body.id;
    const run = await createRun(created);
    const deleted = await t.call('DELETE', `/v1/evals/${created}`);
    expect(deleted.body).toEqual({ object: 'eval.deleted', deleted: true, eval_id: created });
    expect((await t.call('GET', `/v1/evals/${created}`)).status).toBe(404);
    expect(t.emu.evaluations('openai').map((entry) => entry.id)).not.toContain(run.id);
    const again = await t.call('DELETE', `/v1/evals/${created}`);
    expect(again.status).toBe(404);
    expect(again.body.error).toMatchObject({ type: 'invalid_request_error', code: 'not_found' });
  });

  it('validates graders as the spec requires, naming the field (400, OpenAI error shape)', async () => {
    const cases: Array<[unknown, string]> = [
      [{ type: 'string_check', name: 'eq' }, 'testing_criteria.0.input'],
      [{ ...stringCheck, operation: 'contains' }, 'testing_criteria.0.operation'],
      [{ type: 'label_model', name: 'l', model: 'o3-mini', input: [{ role: 'user', content: 'x' }], labels: ['a'] }, 'testing_criteria.0.passing_labels'],
      [{ type: 'text_similarity', name: 't', input: 'a', reference: 'b', evaluation_metric: 'jaccard' }, 'testing_criteria.0.evaluation_metric'],
      [{ type: 'text_similarity', name: 't', input: 'a', reference: 'b', evaluation_metric: 'bleu' }, 'testing_criteria.0.pass_threshold'],
      [{ type: 'python', name: 'p' }, 'testing_criteria.0.source'],
      [{ type: 'score_model', name: 's', model: 'o3-mini', input: [{ role: 'robot', content: 'x' }] }, 'testing_criteria.0.input.0.role'],
      [{ type: 'regex', name: 'r' }, 'testing_criteria.0.type'],
    ];
    for (const [grader, param] of cases) {
      const res = await t.call('POST', '/v1/evals', evalBody({ testing_criteria: [grader] }));
      expect(res.status, param).toBe(400);
      expect(res.body.error).toMatchObject({ type: 'invalid_request_error', param });
    }
    expect((await t.call('POST', '/v1/evals', evalBody({ testing_criteria: [] }))).status).toBe(400);
  });

  it('accepts plain and structured grader messages and answers with structured ones (OPENAI-14)', async () => {
    const res = await t.call(
      'POST',
      '/v1/evals',
      evalBody({
        testing_criteria: [
          {
            type: 'label_model',
            name: 'Label',
            model: 'o3-mini',
            input: [
              { role: 'developer', content: 'Label it.' },
              { type: 'message', role: 'user', content: { type: 'input_text', text: '{{item.q}}' } },
            ],
            labels: ['correct', 'incorrect'],
            passing_labels: ['correct'],
          },
        ],
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body.testing_criteria[0].input).toEqual([
      { type: 'message', role: 'developer', content: { type: 'input_text', text: 'Label it.' } },
      { type: 'message', role: 'user', content: { type: 'input_text', text: '{{item.q}}' } },
    ]);
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
    const other = await t.call('POST', '/v1/evals', evalBody({ data_source_config: { type: 'logs' } }));
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
  it('goes queued → in_progress → completed; result counts equal the sums over output items', async () => {
    t.emu.configure({ scores: [0.9, 0.1, 0.7, 0.3] });
    const created = await t.call('POST', '/v1/evals/eval_demo/runs', runBody);
    expect(created.status).toBe(201);
    const run = created.body;
    expect(run).toMatchObject({
      object: 'eval.run',
      eval_id: 'eval_demo',
      status: 'queued',
      model: 'gpt-4.1-mini',
      name: 'nightly',
      created_at: START / 1000,
      error: null,
    });
    // Nothing graded yet: null, as the queued examples show (OPENAI-3).
    expect(run).toMatchObject({ per_model_usage: null, per_testing_criteria_results: null, result_counts: { total: 0, errored: 0, failed: 0, passed: 0 } });
    expect(run.id).toMatch(/^evalrun_[0-9a-f]{32}$/);
    const get = async () => (await t.call('GET', `/v1/evals/eval_demo/runs/${run.id}`)).body;
    t.clock.advance(550);
    const mid = await get();
    expect(mid.status).toBe('in_progress');
    expect(mid.result_counts).toEqual({ total: 2, errored: 0, failed: 1, passed: 1 });
    t.clock.advance(450);
    const done = await get();
    expect(done.status).toBe('completed');
    expect(done.per_testing_criteria_results).toEqual([{ testing_criteria: 'Exact match', passed: 2, failed: 2 }]);
    expect(done.per_model_usage[0]).toMatchObject({ model_name: 'gpt-4.1-mini', invocation_count: 4 });

    const items = (await t.call('GET', `/v1/evals/eval_demo/runs/${run.id}/output_items`)).body.data;
    expect(items.map((item: { results: Array<{ score: number }> }) => item.results[0]!.score)).toEqual([0.9, 0.1, 0.7, 0.3]);
    const passedItems = items.filter((item: { status: string }) => item.status === 'pass').length;
    expect(done.result_counts).toEqual({ total: items.length, errored: 0, failed: items.length - passedItems, passed: passedItems });
    const failedOnly = await t.call('GET', `/v1/evals/eval_demo/runs/${run.id}/output_items?status=fail`);
    expect(failedOnly.body.data).toHaveLength(2);
    const newest = await t.call('GET', `/v1/evals/eval_demo/runs/${run.id}/output_items?order=desc&limit=1`);
    expect(newest.body).toMatchObject({ has_more: true, last_id: items[3].id });

    const one = await t.call('GET', `/v1/evals/eval_demo/runs/${run.id}/output_items/${items[1].id}`);
    expect(one.body).toEqual(items[1]);
    expect((await t.call('GET', `/v1/evals/eval_demo/runs/${run.id}/output_items/outputitem_nope`)).status).toBe(404);
  });

  it('stores template messages structured and echoes max_completion_tokens for either spelling (OPENAI-14, OPENAI-10)', async () => {
    const res = await t.call('POST', '/v1/evals/eval_demo/runs', {
      data_source: {
        type: 'completions',
        model: 'gpt-4o-mini',
        source: { type: 'file_content', content: [{ item: { input: 'a', expected: 'b' } }] },
        input_messages: {
          type: 'template',
          template: [
            { role: 'developer', content: 'Answer.' },
            { role: 'user', content: '{{item.input}}' },
          ],
        },
        sampling_params: { seed: 42, temperature: 1, top_p: 1, max_completions_tokens: 2048 },
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.data_source.input_messages.template).toEqual([
      { type: 'message', role: 'developer', content: { type: 'input_text', text: 'Answer.' } },
      { type: 'message', role: 'user', content: { type: 'input_text', text: '{{item.input}}' } },
    ]);
    expect(res.body.data_source.sampling_params).toEqual({ seed: 42, temperature: 1, top_p: 1, max_completion_tokens: 2048 });
    const bad = await t.call('POST', '/v1/evals/eval_demo/runs', {
      data_source: { type: 'completions', input_messages: { type: 'template', template: [{ role: 'user' }] } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.param).toBe('data_source.input_messages.template.0.content');
  });

  it('reports failed runs with an error object', async () => {
    t.emu.configure({ outcome: 'failed' });
    const run = await createRun();
    t.clock.advance(1000);
    const res = await t.call('GET', `/v1/evals/eval_demo/runs/${run.id}`);
    expect(res.body.status).toBe('failed');
    expect(res.body.error).toEqual({ code: 'run_failed', message: 'The run failed (simulated by the emulator).' });
  });

  it.each(['/cancel', ''])('cancels a running run on POST …/runs/{id}%s; cancelling a terminal run returns it unchanged', async (suffix) => {
    const run = await createRun();
    t.clock.advance(200);
    const cancelled = await t.call('POST', `/v1/evals/eval_demo/runs/${run.id}${suffix}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('canceled');
    t.clock.advance(5000);
    const again = await t.call('POST', `/v1/evals/eval_demo/runs/${run.id}${suffix}`);
    expect(again.body.status).toBe('canceled');
    expect(t.emu.evaluations('openai')[0]).toMatchObject({ terminalAt: START + 200, status: 'canceled' });

    const finished = await createRun();
    t.clock.advance(1000);
    expect((await t.call('POST', `/v1/evals/eval_demo/runs/${finished.id}${suffix}`)).body.status).toBe('completed');
  });

  it('serves only the cancel paths it is configured for (OPENAI-1)', async () => {
    const run = await createRun();
    t.emu.configure({ openaiCancelPaths: 'cancel-suffix' });
    const bare = await t.call('POST', `/v1/evals/eval_demo/runs/${run.id}`);
    expect(bare.status).toBe(405);
    expect(bare.body.error.type).toBe('invalid_request_error');
    expect(t.emu.evaluations('openai')[0]?.status).toBe('queued');

    t.emu.configure({ openaiCancelPaths: 'bare' });
    const suffixed = await t.call('POST', `/v1/evals/eval_demo/runs/${run.id}/cancel`);
    expect(suffixed.status).toBe(404);
    expect(t.emu.evaluations('openai')[0]?.status).toBe('queued');
    expect((await t.call('POST', `/v1/evals/eval_demo/runs/${run.id}`)).body.status).toBe('canceled');

    // Over HTTP too, and reset restores both.
    const res = await fetch(`${t.emu.url}/__emulator/configure`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openaiCancelPaths: 'cancel-suffix' }),
    });
    expect(((await res.json()) as { settings: { openaiCancelPaths: string } }).settings.openaiCancelPaths).toBe('cancel-suffix');
    expect(() => t.emu.configure({ openaiCancelPaths: 'neither' as never })).toThrow(/openaiCancelPaths/);
    t.emu.reset();
    const fresh = await createRun();
    expect((await t.call('POST', `/v1/evals/eval_demo/runs/${fresh.id}`)).status).toBe(200);
  });

  it('deletes a run', async () => {
    const run = await createRun();
    const deleted = await t.call('DELETE', `/v1/evals/eval_demo/runs/${run.id}`);
    expect(deleted.body).toEqual({ object: 'eval.run.deleted', deleted: true, run_id: run.id });
    expect((await t.call('GET', `/v1/evals/eval_demo/runs/${run.id}`)).status).toBe(404);
    expect((await t.call('DELETE', `/v1/evals/eval_demo/runs/${run.id}`)).status).toBe(404);
  });

  it('pages runs oldest first by default, newest first on order=desc, with after = last item id, filtered by status', async () => {
    t.emu.seed('openai', 25);
    const oldestFirst = t.emu.evaluations('openai').map((record) => record.id);
    const walk = async (order: string) => {
      const seen: string[] = [];
      let after: string | undefined;
      for (let pages = 1; ; pages++) {
        const res = await t.call('GET', `/v1/evals/eval_demo/runs?limit=10${order}${after ? `&after=${after}` : ''}`);
        expect(res.status).toBe(200);
        seen.push(...ids(res.body));
        expect(res.body.last_id).toBe(seen[seen.length - 1]);
        if (!res.body.has_more) return { seen, pages };
        after = res.body.data.at(-1).id;
      }
    };
    expect(await walk('')).toEqual({ seen: oldestFirst, pages: 3 });
    expect(await walk('&order=desc')).toEqual({ seen: [...oldestFirst].reverse(), pages: 3 });
    t.emu.setStatus('openai', oldestFirst[0]!, 'completed');
    const completed = await t.call('GET', '/v1/evals/eval_demo/runs?status=completed');
    expect(ids(completed.body)).toEqual([oldestFirst[0]]);
    expect((await t.call('GET', '/v1/evals/eval_demo/runs?limit=101')).status).toBe(400);
    expect((await t.call('GET', '/v1/evals/eval_demo/runs?order=newest')).status).toBe(400);
  });
});
