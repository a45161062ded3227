// The OpenAI walks over pages end on their own against servers that never say has_more: false.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../src/index.js';
import { HttpClient } from '../src/http/http-client.js';
import { MAX_OUTPUT_ITEM_PAGES, readOutputItemScores } from '../src/providers/openai/output-item-scores.js';
import { json, startTestServer, type Handler, type TestServer } from './support/test-server.js';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});
const client = () => createClient({ provider: 'openai', apiKey: 'k', baseUrl: `${server.url}/v1`, maxRetries: 0 });

const completedRun = (id = 'evalrun_1', evalId = 'eval_a') => ({
  object: 'eval.run',
  id,
  eval_id: evalId,
  status: 'completed',
  name: id,
  result_counts: { total: 2, errored: 0, failed: 1, passed: 1 },
  error: null,
});
const item = (id: string, score: number) => ({ object: 'eval.run.output_item', id, results: [{ name: 'g', score, passed: score > 0.5 }] });
const page = (data: Array<{ id: string }>, hasMore: boolean) => ({
  object: 'list',
  data,
  first_id: data[0]?.id ?? null,
  last_id: data.at(-1)?.id ?? null,
  has_more: hasMore,
});

/** One handler per "METHOD path" (query ignored); each answers every request to it. */
function byPath(table: Record<string, Handler>): Handler {
  return (req, res, body) => {
    const key = `${req.method} ${(req.url ?? '').split('?')[0]}`;
    (table[key] ?? json(404, { error: { message: `no route ${key}`, type: 'test', param: null, code: null } }))(req, res, body);
  };
}

/** Pages whose `data` alternates between two items, so `after` goes a, b, a, b, … forever. */
function alternating(make: (id: string) => { id: string }, ids: [string, string]): Handler {
  return (req, res, body) => {
    const after = new URL(req.url ?? '/', 'http://x').searchParams.get('after');
    json(200, page([make(after === ids[0] ? ids[1] : ids[0])], true))(req, res, body);
  };
}

const outputItemRequests = () => server.requests.filter((r) => r.url.includes('/output_items'));

describe('output items of a terminal run', () => {
  it('stop at the first empty page that says has_more, and give no avg/min/max from a partial read', async () => {
    server.respond(
      byPath({
        'GET /v1/evals/eval_a/runs/evalrun_1': json(200, completedRun()),
        'GET /v1/evals/eval_a/runs/evalrun_1/output_items': (req, res, body) => {
          const after = new URL(req.url ?? '/', 'http://x').searchParams.get('after');
          json(200, after === null ? page([item('o1', 1)], true) : page([], true))(req, res, body);
        },
      }),
    );
    const evaluation = await client().get('eval_a/evalrun_1');
    expect(outputItemRequests().map((r) => r.url)).toEqual([
      '/v1/evals/eval_a/runs/evalrun_1/output_items?limit=100&order=asc',
      '/v1/evals/eval_a/runs/evalrun_1/output_items?limit=100&order=asc&after=o1',
    ]);
    expect(evaluation.status).toBe('completed');
    expect(evaluation.scores).toBeUndefined();
  });

  it('stop when a cursor comes back a second time', async () => {
    server.respond(
      byPath({
        'GET /v1/evals/eval_a/runs/evalrun_1': json(200, completedRun()),
        'GET /v1/evals/eval_a/runs/evalrun_1/output_items': alternating((id) => item(id, 0.5), ['o1', 'o2']),
      }),
    );
    const evaluation = await client().get('eval_a/evalrun_1');
    // after: (none), o1, o2, then o1 again is refused.
    expect(outputItemRequests()).toHaveLength(3);
    expect(evaluation.scores).toBeUndefined();
  });

  it('stop at the page cap when every page is new', async () => {
    let counter = 0;
    server.respond((req, res, body) => json(200, page([item(`o${++counter}`, 1)], true))(req, res, body));
    const http = new HttpClient({
      provider: 'openai',
      baseUrl: `${server.url}/v1`,
      apiKey: 'k',
      timeoutMs: 10_000,
      maxRetries: 0,
      userAgent: 'test',
      fetch: globalThis.fetch,
      now: Date.now,
      sleep: async () => undefined,
      random: () => 0.5,
    });
    const read = await readOutputItemScores(http, 'eval_a', 'evalrun_1', {}, 5);
    expect(read).toEqual({ complete: false, reason: 'more than 5 pages of output items' });
    expect(outputItemRequests()).toHaveLength(5);
    expect(MAX_OUTPUT_ITEM_PAGES).toBe(1000);
  });

  it('an incomplete read is not cached: the next get reads again', async () => {
    server.respond(
      byPath({
        'GET /v1/evals/eval_a/runs/evalrun_1': json(200, completedRun()),
        'GET /v1/evals/eval_a/runs/evalrun_1/output_items': json(200, page([], true)),
      }),
    );
    const c = client();
    await c.get('eval_a/evalrun_1');
    await c.get('eval_a/evalrun_1');
    expect(outputItemRequests()).toHaveLength(2);
  });
});

describe('runs of one eval', () => {
  it('end on an empty page that says has_more', async () => {
    server.respond(byPath({ 'GET /v1/evals/eval_a/runs': json(200, page([], true)) }));
    const ids: string[] = [];
    for await (const e of client().list({ evalId: 'eval_a' })) ids.push(e.id);
    expect(ids).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('end when the cursors alternate', async () => {
    server.respond(byPath({ 'GET /v1/evals/eval_a/runs': alternating((id) => completedRun(id), ['r1', 'r2']) }));
    const ids: string[] = [];
    for await (const e of client().list({ evalId: 'eval_a' })) ids.push(e.id);
    // The third page repeats r1: the walk stops there, and yields r1 only once.
    expect(ids).toEqual(['eval_a/r1', 'eval_a/r2']);
    expect(server.requests).toHaveLength(3);
  });
});

describe('runs of every eval (no evalId)', () => {
  const evalObject = (id: string) => ({ object: 'eval', id, name: id, created_at: 1767225600 });

  it('end when the eval listing keeps answering the same eval', async () => {
    server.respond(
      byPath({
        'GET /v1/evals': json(200, page([evalObject('eval_a')], true)),
        'GET /v1/evals/eval_a/runs': json(200, page([], true)),
      }),
    );
    const ids: string[] = [];
    for await (const e of client().list()) ids.push(e.id);
    expect(ids).toEqual([]);
    expect(server.requests.map((r) => r.url.split('?')[0])).toEqual(['/v1/evals', '/v1/evals/eval_a/runs', '/v1/evals']);
  });

  it('hand back a cursor after 25 evals without runs instead of reading on in one call', async () => {
    let counter = 0;
    server.respond((req, res, body) => {
      const url = req.url ?? '';
      if (url.startsWith('/v1/evals?')) return json(200, page([evalObject(`eval_${++counter}`)], true))(req, res, body);
      return json(200, page([], false))(req, res, body);
    });
    const first = await client().listPage();
    expect(first.items).toEqual([]);
    expect(first.nextCursor).toBeDefined();
    expect(server.requests.filter((r) => /\/runs\?/.test(r.url))).toHaveLength(25);
  });

  it('end when the eval listing alternates between two evals without runs', async () => {
    server.respond((req, res, body) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/v1/evals') {
        const after = url.searchParams.get('after');
        return json(200, page([evalObject(after === 'eval_a' ? 'eval_b' : 'eval_a')], true))(req, res, body);
      }
      return json(200, page([], false))(req, res, body);
    });
    const ids: string[] = [];
    for await (const e of client().list()) ids.push(e.id);
    expect(ids).toEqual([]);
    expect(server.requests.filter((r) => /\/runs\?/.test(r.url))).toHaveLength(2);
  });
});
