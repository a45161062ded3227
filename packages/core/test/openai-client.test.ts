import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigurationError, createClient, UnsupportedOperationError } from '../src/index.js';
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
    const item = (id: string, score: number) => ({ object: 'eval.run.output_item', id, status: 'pass', results: [{ name: 'g', type: 'string_check', score, passed: score > 0 }] });
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
        'GET /v1/evals': [json(200, list([evalObj('eval_a')], true)), json(200, list([evalObj('eval_b')], true)), json(200, list([evalObj('eval_c')], false)), json(200, list([], false))],
        'GET /v1/evals/eval_a/runs': json(200, list([run({ id: 'a1', eval_id: 'eval_a' })], false)),
        'GET /v1/evals/eval_b/runs': json(200, list([], false)),
        'GET /v1/evals/eval_c/runs': json(200, list([run({ id: 'c1', eval_id: 'eval_c' })], false)),
      }),
    );
    const ids: string[] = [];
    for await (const e of client().list()) ids.push(e.id);
    expect(ids).toEqual(['eval_a/a1', 'eval_c/c1']);
  });

  it('lists evals as groups', async () => {
    server.respond(routes({ 'GET /v1/evals': json(200, list([{ object: 'eval', id: 'eval_demo', name: 'Demo eval', created_at: 1767225600 }], false)) }));
    const page = await client().listGroups!();
    expect(page).toEqual({ items: [{ id: 'eval_demo', name: 'Demo eval', createdAt: new Date(1767225600 * 1000) }] });
  });

  it('cancels with POST on the run', async () => {
    server.respond(
      routes({
        'POST /v1/evals/eval_a/runs/evalrun_1': json(200, run({ status: 'canceled' })),
        'GET /v1/evals/eval_a/runs/evalrun_1/output_items': json(200, list([], false)),
      }),
    );
    const evaluation = await client().cancel('eval_a/evalrun_1');
    expect(evaluation.status).toBe('cancelled');
    expect(evaluation.capabilities.canCancel).toBe(false);
  });

  it('rejects ids that are not <eval_id>/<run_id>, and pushSamples', async () => {
    await expect(client().get('evalrun_1')).rejects.toThrow(ConfigurationError);
    await expect(client().get('a/b/c')).rejects.toThrow(/<eval_id>\/<run_id>/);
    await expect(client().pushSamples('eval_a/r', [])).rejects.toBeInstanceOf(UnsupportedOperationError);
    expect(server.requests).toHaveLength(0);
  });
});
