/**
 * Core's OpenAI requests next to the official SDK's (openai 6.49.0) for the same operations, both recorded on one
 * node:http server: method, path, query and body must agree. The one intended difference is cancel: core asks
 * `…/cancel` first (what SDK ≥ 7.26 sends) and falls back to the bare path this 6.x SDK uses (QUIRKS OPENAI-1).
 */
import OpenAI from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../src/index.js';
import { json, startTestServer, type Handler, type RecordedRequest, type TestServer } from './support/test-server.js';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

const run = (id: string, status = 'in_progress') => ({
  object: 'eval.run',
  id,
  eval_id: 'eval_a',
  status,
  model: 'gpt-4o-mini',
  name: id,
  created_at: 1767225600,
  report_url: 'https://platform.example/r',
  result_counts: { total: 0, errored: 0, failed: 0, passed: 0 },
  per_model_usage: null,
  per_testing_criteria_results: null,
  data_source: { type: 'jsonl', source: { type: 'file_id', id: 'file-1' } },
  metadata: {},
  error: null,
});
const evalObject = (id: string) => ({
  object: 'eval',
  id,
  name: id,
  created_at: 1767225600,
  data_source_config: { type: 'logs' },
  testing_criteria: [],
  metadata: null,
});
const item = (id: string) => ({ object: 'eval.run.output_item', id, results: [{ name: 'g', score: 1, passed: true }] });
/** Two pages; the first one's `last_id` is not its last item's id (as in the published list-evals example, OPENAI-5). */
const twoPages =
  <T extends { id: string }>(make: (id: string) => T, prefix: string): Handler =>
  (req, res, body) => {
    const after = new URL(req.url ?? '/', 'http://x').searchParams.get('after');
    const data = after === null ? [make(`${prefix}1`), make(`${prefix}2`)] : [make(`${prefix}3`)];
    json(200, { object: 'list', data, first_id: data[0]?.id, last_id: after === null ? `${prefix}_elsewhere` : `${prefix}3`, has_more: after === null })(
      req,
      res,
      body,
    );
  };

/** Answers by path: lists in two pages, runs as runs, cancels per `cancelPaths`. */
function provider(cancelPaths: 'both' | 'bare'): Handler {
  return (req, res, body) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method === 'GET' && path === '/v1/evals') return twoPages(evalObject, 'eval_')(req, res, body);
    if (req.method === 'GET' && path === '/v1/evals/eval_a/runs') return twoPages((id) => run(id), 'evalrun_')(req, res, body);
    if (req.method === 'GET' && path.endsWith('/output_items')) return twoPages(item, 'outputitem_')(req, res, body);
    if (req.method === 'POST' && path.endsWith('/cancel') && cancelPaths === 'bare') {
      return json(404, { error: { message: 'Not Found', type: 'invalid_request_error', param: null, code: null } })(req, res, body);
    }
    if (req.method === 'POST' && path === '/v1/evals/eval_a/runs') return json(201, run('evalrun_new', 'queued'))(req, res, body);
    return json(200, run('evalrun_1', req.method === 'POST' ? 'canceled' : 'completed'))(req, res, body);
  };
}

interface Wire {
  method: string;
  path: string;
  query: Array<[string, string]>;
  body: unknown;
}
const wire = (request: RecordedRequest): Wire => {
  const url = new URL(request.url, 'http://x');
  return {
    method: request.method,
    path: url.pathname,
    query: [...url.searchParams.entries()].sort(([a], [b]) => a.localeCompare(b)),
    body: request.body === '' ? undefined : JSON.parse(request.body),
  };
};

/** The requests `action` sends, as wire shapes. */
async function recorded(action: () => Promise<unknown>): Promise<Wire[]> {
  const start = server.requests.length;
  await action();
  return server.requests.slice(start).map(wire);
}

describe('core and the openai SDK send the same requests', () => {
  const core = () => createClient({ provider: 'openai', apiKey: 'sk-test', baseUrl: `${server.url}/v1`, maxRetries: 0 });
  const sdk = () => new OpenAI({ apiKey: 'sk-test', baseURL: `${server.url}/v1`, maxRetries: 0 });
  const dataSource: OpenAI.Evals.RunCreateParams['data_source'] = {
    type: 'completions',
    model: 'gpt-4o-mini',
    source: { type: 'file_id', id: 'file-1' },
    input_messages: { type: 'template', template: [{ type: 'message', role: 'user', content: { type: 'input_text', text: '{{item.input}}' } }] },
    sampling_params: { temperature: 0, max_completion_tokens: 64 },
  };

  beforeEach(() => server.respond(provider('both')));

  it('create run', async () => {
    const ours = await recorded(() =>
      core().create({ provider: 'openai', evalId: 'eval_a', name: 'nightly', dataSource: { ...dataSource }, metadata: { pr: '7' } }),
    );
    const theirs = await recorded(() => sdk().evals.runs.create('eval_a', { name: 'nightly', data_source: dataSource, metadata: { pr: '7' } }));
    expect(ours).toEqual(theirs);
  });

  it('retrieve run (core then reads the output items of a terminal run, as SDK outputItems.list does)', async () => {
    const ours = await recorded(() => core().get('eval_a/evalrun_1'));
    const theirs = await recorded(async () => {
      await sdk().evals.runs.retrieve('evalrun_1', { eval_id: 'eval_a' });
      for await (const entry of sdk().evals.runs.outputItems.list('evalrun_1', { eval_id: 'eval_a', limit: 100, order: 'asc' })) expect(entry.id).toBeDefined();
    });
    expect(ours).toEqual(theirs);
    expect(ours.map((request) => request.query.find(([name]) => name === 'after')?.[1])).toEqual([undefined, undefined, 'outputitem_2']);
  });

  it("list runs of an eval, both pages: after is the last item's id on both sides", async () => {
    const ours = await recorded(async () => {
      for await (const evaluation of core().list({ evalId: 'eval_a', pageSize: 2 })) expect(evaluation.id).toBeDefined();
    });
    const theirs = await recorded(async () => {
      for await (const entry of sdk().evals.runs.list('eval_a', { limit: 2, order: 'desc' })) expect(entry.id).toBeDefined();
    });
    expect(ours).toEqual(theirs);
    expect(ours[1]?.query).toContainEqual(['after', 'evalrun_2']);
  });

  it('list evals (core listGroups)', async () => {
    const ours = await recorded(() => core().listGroups!({ pageSize: 2, cursor: 'eval_2' }));
    const theirs = await recorded(() => sdk().evals.list({ limit: 2, order: 'desc', after: 'eval_2' }));
    expect(ours).toEqual(theirs);
  });

  it("cancel: core tries …/cancel first; on a server without it, its fallback is exactly the SDK's request", async () => {
    const theirs = await recorded(() => sdk().evals.runs.cancel('evalrun_1', { eval_id: 'eval_a' }));
    expect(theirs).toEqual([{ method: 'POST', path: '/v1/evals/eval_a/runs/evalrun_1', query: [], body: undefined }]);
    server.respond(provider('bare'));
    const ours = (await recorded(() => core().cancel('eval_a/evalrun_1'))).filter((request) => request.method === 'POST');
    expect(ours).toEqual([{ ...theirs[0], path: '/v1/evals/eval_a/runs/evalrun_1/cancel' }, theirs[0]]);
  });
});
