import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BadRequestError, ConfigurationError, createClient, NotFoundError, UnsupportedOperationError } from '../src/index.js';
import { json, startTestServer, type Handler, type TestServer } from './support/test-server.js';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});
const client = () => createClient({ provider: 'openai', apiKey: 'k', baseUrl: `${server.url}/v1`, maxRetries: 0 });

function run(overrides: Record<string, unknown> = {}) {
  return {
    object: 'eval.run',
    id: 'evalrun_1',
    eval_id: 'eval_a',
    status: 'in_progress',
    model: 'gpt-4o-mini',
    name: 'nightly',
    created_at: 1767225600,
    report_url: 'https://platform.example/runs/1',
    result_counts: { total: 4, errored: 1, failed: 1, passed: 2 },
    per_model_usage: [{ model_name: 'gpt-4o-mini', invocation_count: 4, prompt_tokens: 10, completion_tokens: 5, total_tokens: 15, cached_tokens: 0 }],
    per_testing_criteria_results: [],
    data_source: { type: 'jsonl' },
    metadata: { branch: 'main' },
    error: null,
    ...overrides,
  };
}

const list = (data: unknown[], hasMore: boolean) => ({
  object: 'list',
  data,
  first_id: (data[0] as { id?: string } | undefined)?.id ?? null,
  last_id: (data.at(-1) as { id?: string } | undefined)?.id ?? null,
  has_more: hasMore,
});

/** Routes by "METHOD path-without-query". */
function routes(table: Record<string, Handler | Handler[]>): Handler {
  return (req, res, body) => {
    const key = `${req.method} ${(req.url ?? '').split('?')[0]}`;
    const entry = table[key];
    const handler = Array.isArray(entry) ? (entry.length > 1 ? entry.shift() : entry[0]) : entry;
    (handler ?? json(404, { error: { message: `no route ${key}`, type: 'test', param: null, code: null } }))(req, res, body);
  };
}

describe('OpenAI client (wire mapping)', () => {
  it('creates a run in the eval and joins the ids', async () => {
    server.respond(routes({ 'POST /v1/evals/eval_a/runs': json(201, run({ status: 'queued' })) }));
    const created = await client().create({ provider: 'openai', evalId: 'eval_a', name: 'nightly', dataSource: { type: 'jsonl', source: {} } });
    expect(created).toMatchObject({ id: 'eval_a/evalrun_1', status: 'queued', model: 'gpt-4o-mini', capabilities: { canCancel: true } });
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({ name: 'nightly', data_source: { type: 'jsonl', source: {} } });
  });

  it('maps a running run without fetching output items', async () => {
    server.respond(routes({ 'GET /v1/evals/eval_a/runs/evalrun_1': json(200, run()) }));
    const evaluation = await client().get('eval_a/evalrun_1');
    expect(evaluation.scores).toBeUndefined();
    expect(evaluation.usage).toEqual([{ model: 'gpt-4o-mini', promptTokens: 10, completionTokens: 5, totalTokens: 15, cachedTokens: 0, invocations: 4 }]);
    expect(evaluation.createdAt?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(server.requests).toHaveLength(1);
  });

  it('computes scores of a terminal run over every page of output items, once', async () => {
    const item = (id: string, score: number) => ({
      object: 'eval.run.output_item',
      id,
      status: 'pass',
      results: [{ name: 'g', type: 'string_check', score, passed: score > 0 }],
    });
    server.respond(
      routes({
        'GET /v1/evals/eval_a/runs/evalrun_1': json(200, run({ status: 'completed' })),
        'GET /v1/evals/eval_a/runs/evalrun_1/output_items': [
          json(200, list([item('oi_1', 1), item('oi_2', 0)], true)),
          json(200, list([item('oi_3', 0.5)], false)),
        ],
      }),
    );
    const first = await client().get('eval_a/evalrun_1');
    // passRate counts errored items as not passed: 2 / 4.
    expect(first.scores).toEqual({ avg: 0.5, min: 0, max: 1, count: 3, passRate: 0.5 });
    expect(server.requests[2]?.url).toContain('after=oi_2');
  });

  it('caches the output-item scores of a terminal run per client', async () => {
    server.respond(
      routes({
        'GET /v1/evals/eval_a/runs/evalrun_1': json(200, run({ status: 'completed' })),
        'GET /v1/evals/eval_a/runs/evalrun_1/output_items': json(200, list([], false)),
      }),
    );
    const c = client();
    await c.get('eval_a/evalrun_1');
    await c.get('eval_a/evalrun_1');
    expect(server.requests.filter((r) => r.url.includes('output_items'))).toHaveLength(1);
  });

  it('pages the runs of one eval with after/has_more', async () => {
    server.respond(
      routes({
        'GET /v1/evals/eval_a/runs': [json(200, list([run({ id: 'r3' }), run({ id: 'r2' })], true)), json(200, list([run({ id: 'r1' })], false))],
      }),
    );
    const ids: string[] = [];
    for await (const e of client().list({ evalId: 'eval_a', pageSize: 2 })) ids.push(e.id);
    expect(ids).toEqual(['eval_a/r3', 'eval_a/r2', 'eval_a/r1']);
    expect(server.requests[1]?.url).toBe('/v1/evals/eval_a/runs?limit=2&order=desc&after=r2');
  });

  it('without evalId lists the runs of every eval, skipping evals without runs', async () => {
    const evalObj = (id: string) => ({ object: 'eval', id, name: id, created_at: 1767225600 });
    server.respond(
      routes({
        'GET /v1/evals': [
          json(200, list([evalObj('eval_a')], true)),
          json(200, list([evalObj('eval_b')], true)),
          json(200, list([evalObj('eval_c')], false)),
          json(200, list([], false)),
        ],
        'GET /v1/evals/eval_a/runs': json(200, list([run({ id: 'a1', eval_id: 'eval_a' })], false)),
        'GET /v1/evals/eval_b/runs': json(200, list([], false)),
        'GET /v1/evals/eval_c/runs': json(200, list([run({ id: 'c1', eval_id: 'eval_c' })], false)),
      }),
    );
    const ids: string[] = [];
    for await (const e of client().list()) ids.push(e.id);
    expect(ids).toEqual(['eval_a/a1', 'eval_c/c1']);
  });

  it("lists evals as groups, with or without the older spec's share_with_openai (OPENAI-9)", async () => {
    const evals = [
      { object: 'eval', id: 'eval_demo', name: 'Demo eval', created_at: 1767225600 },
      { object: 'eval', id: 'eval_old', name: 'Old', created_at: 1767225600, share_with_openai: true },
    ];
    server.respond(routes({ 'GET /v1/evals': json(200, list(evals, false)) }));
    const page = await client().listGroups!();
    expect(page).toEqual({
      items: [
        { id: 'eval_demo', name: 'Demo eval', createdAt: new Date(1767225600 * 1000) },
        { id: 'eval_old', name: 'Old', createdAt: new Date(1767225600 * 1000) },
      ],
    });
    expect(server.requests[0]?.url).toBe('/v1/evals?limit=20&order=desc');
  });

  it('cancels with POST …/cancel and sends nothing to the bare path when that works', async () => {
    server.respond(
      routes({
        'POST /v1/evals/eval_a/runs/evalrun_1/cancel': json(200, run({ status: 'canceled' })),
        'GET /v1/evals/eval_a/runs/evalrun_1/output_items': json(200, list([], false)),
      }),
    );
    const evaluation = await client().cancel('eval_a/evalrun_1');
    expect(evaluation.status).toBe('cancelled');
    expect(evaluation.capabilities.canCancel).toBe(false);
    expect(server.requests.map((r) => `${r.method} ${r.url.split('?')[0]}`)).toEqual([
      'POST /v1/evals/eval_a/runs/evalrun_1/cancel',
      'GET /v1/evals/eval_a/runs/evalrun_1/output_items',
    ]);
  });

  it.each([404, 405])('falls back once to the bare path on %i and keeps using it for later cancels', async (status) => {
    server.respond(
      routes({
        'POST /v1/evals/eval_a/runs/evalrun_1/cancel': json(status, {
          error: { message: 'Not Found', type: 'invalid_request_error', param: null, code: null },
        }),
        'POST /v1/evals/eval_a/runs/evalrun_1': json(200, run({ status: 'in_progress' })),
        'POST /v1/evals/eval_a/runs/evalrun_2': json(200, run({ id: 'evalrun_2', status: 'in_progress' })),
      }),
    );
    const c = client();
    expect((await c.cancel('eval_a/evalrun_1')).id).toBe('eval_a/evalrun_1');
    expect((await c.cancel('eval_a/evalrun_2')).id).toBe('eval_a/evalrun_2');
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /v1/evals/eval_a/runs/evalrun_1/cancel',
      'POST /v1/evals/eval_a/runs/evalrun_1',
      'POST /v1/evals/eval_a/runs/evalrun_2',
    ]);
    // Another client learns on its own.
    await client().cancel('eval_a/evalrun_1');
    expect(server.requests.at(-2)?.url).toBe('/v1/evals/eval_a/runs/evalrun_1/cancel');
  });

  it('a run that exists on neither cancel path is a NotFoundError after exactly two requests', async () => {
    server.respond(json(404, { error: { message: "No run found with id 'evalrun_9'.", type: 'invalid_request_error', param: null, code: null } }));
    const error = await client()
      .cancel('eval_a/evalrun_9')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).path).toBe('/v1/evals/eval_a/runs/evalrun_9');
    expect(server.requests.map((r) => r.url)).toEqual(['/v1/evals/eval_a/runs/evalrun_9/cancel', '/v1/evals/eval_a/runs/evalrun_9']);
  });

  it('does not fall back on errors other than 404/405', async () => {
    server.respond(json(400, { error: { message: 'bad', type: 'invalid_request_error', param: null, code: null } }));
    await expect(client().cancel('eval_a/evalrun_1')).rejects.toBeInstanceOf(BadRequestError);
    expect(server.requests).toHaveLength(1);
  });

  it('accepts the documented nulls: error, per_model_usage and per_testing_criteria_results (OPENAI-3)', async () => {
    server.respond(
      routes({
        'GET /v1/evals/eval_a/runs/evalrun_1': json(
          200,
          run({ status: 'queued', error: null, per_model_usage: null, per_testing_criteria_results: null, metadata: null }),
        ),
      }),
    );
    const evaluation = await client().get('eval_a/evalrun_1');
    expect(evaluation).toMatchObject({ status: 'queued', rawStatus: 'queued' });
    expect(evaluation.usage).toBeUndefined();
    expect(evaluation.errorMessage).toBeUndefined();
  });

  it("reads a failed run's error object", async () => {
    server.respond(
      routes({
        'GET /v1/evals/eval_a/runs/evalrun_1': json(200, run({ status: 'failed', error: { code: 'invalid_file', message: 'File is not JSONL' } })),
        'GET /v1/evals/eval_a/runs/evalrun_1/output_items': json(200, list([], false)),
      }),
    );
    expect(await client().get('eval_a/evalrun_1')).toMatchObject({ status: 'failed', errorMessage: 'File is not JSONL' });
  });

  it('aggregates across graders: every results[].score is one value; passRate and progress come from result_counts', async () => {
    const item = (id: string, scores: number[]) => ({
      object: 'eval.run.output_item',
      id,
      status: 'pass',
      results: scores.map((score, i) => ({ name: `grader-${i}-a2486074`, type: 'string-check-grader', score, passed: score >= 0.5, sample: null })),
    });
    server.respond(
      routes({
        'GET /v1/evals/eval_a/runs/evalrun_1': json(200, run({ status: 'completed', result_counts: { total: 3, errored: 0, failed: 1, passed: 2 } })),
        'GET /v1/evals/eval_a/runs/evalrun_1/output_items': json(200, list([item('o1', [1, 0.5]), item('o2', [0.25, 0]), item('o3', [1, 1])], false)),
      }),
    );
    const evaluation = await client().get('eval_a/evalrun_1');
    expect(evaluation.scores).toEqual({ avg: 3.75 / 6, min: 0, max: 1, count: 6, passRate: 2 / 3 });
    expect(evaluation.progress).toEqual({ completed: 3 });
    expect(server.requests[1]?.url).toBe('/v1/evals/eval_a/runs/evalrun_1/output_items?limit=100&order=asc');
  });

  it("without result_counts the pass rate comes from the output items' passed flags", async () => {
    const item = (id: string, passed: boolean[]) => ({
      object: 'eval.run.output_item',
      id,
      results: passed.map((flag, i) => ({ name: `g${i}`, score: flag ? 1 : 0, passed: flag })),
    });
    server.respond(
      routes({
        'GET /v1/evals/eval_a/runs/evalrun_1': json(200, run({ status: 'completed', result_counts: null })),
        'GET /v1/evals/eval_a/runs/evalrun_1/output_items': json(200, list([item('o1', [true, false]), item('o2', [true, true])], false)),
      }),
    );
    expect((await client().get('eval_a/evalrun_1')).scores).toEqual({ avg: 0.75, min: 0, max: 1, count: 4, passRate: 0.75 });
  });

  it("pages with after = the last item's id, also where last_id says otherwise (OPENAI-5)", async () => {
    const page = (ids: string[], more: boolean, lastId: string) => ({
      ...list(
        ids.map((id) => run({ id })),
        more,
      ),
      last_id: lastId,
    });
    server.respond(
      routes({
        'GET /v1/evals/eval_a/runs': [json(200, page(['r3', 'r2'], true, 'unrelated_id')), json(200, page(['r1'], false, 'r1'))],
      }),
    );
    const ids: string[] = [];
    for await (const e of client().list({ evalId: 'eval_a', pageSize: 2 })) ids.push(e.id);
    expect(ids).toEqual(['eval_a/r3', 'eval_a/r2', 'eval_a/r1']);
    expect(server.requests.map((r) => r.url)).toEqual(['/v1/evals/eval_a/runs?limit=2&order=desc', '/v1/evals/eval_a/runs?limit=2&order=desc&after=r2']);
  });

  it('sends template messages in the structured EvalItem form and max_completion_tokens (OPENAI-14, OPENAI-10)', async () => {
    server.respond(routes({ 'POST /v1/evals/eval_a/runs': json(201, run({ status: 'queued' })) }));
    await client().create({
      provider: 'openai',
      evalId: 'eval_a',
      dataSource: {
        type: 'completions',
        model: 'gpt-4o-mini',
        source: { type: 'file_id', id: 'file-1' },
        input_messages: {
          type: 'template',
          template: [
            { role: 'developer', content: 'Categorize the headline.' },
            { role: 'assistant', content: 'Markets' },
            { type: 'message', role: 'user', content: { type: 'input_text', text: '{{item.input}}' } },
          ],
        },
        sampling_params: { temperature: 1, max_completions_tokens: 2048 },
      },
    });
    expect(JSON.parse(server.requests[0]?.body ?? '').data_source).toEqual({
      type: 'completions',
      model: 'gpt-4o-mini',
      source: { type: 'file_id', id: 'file-1' },
      input_messages: {
        type: 'template',
        template: [
          { type: 'message', role: 'developer', content: { type: 'input_text', text: 'Categorize the headline.' } },
          { type: 'message', role: 'assistant', content: { type: 'output_text', text: 'Markets' } },
          { type: 'message', role: 'user', content: { type: 'input_text', text: '{{item.input}}' } },
        ],
      },
      sampling_params: { temperature: 1, max_completion_tokens: 2048 },
    });
  });

  it('takes ids and report URLs as opaque strings (OPENAI-8)', async () => {
    server.respond(
      routes({
        'GET /v1/evals/egroup_67/runs/erun_68': json(
          200,
          run({ id: 'erun_68', eval_id: 'egroup_67', report_url: 'https://platform.openai.com/evaluations/egroup_67&run_id=erun_68' }),
        ),
      }),
    );
    expect(await client().get('egroup_67/erun_68')).toMatchObject({
      id: 'egroup_67/erun_68',
      reportUrl: 'https://platform.openai.com/evaluations/egroup_67&run_id=erun_68',
    });
  });

  it('rejects ids that are not <eval_id>/<run_id>, and pushSamples', async () => {
    await expect(client().get('evalrun_1')).rejects.toThrow(ConfigurationError);
    await expect(client().get('a/b/c')).rejects.toThrow(/<eval_id>\/<run_id>/);
    await expect(client().pushSamples('eval_a/r', [])).rejects.toBeInstanceOf(UnsupportedOperationError);
    expect(server.requests).toHaveLength(0);
  });
});
