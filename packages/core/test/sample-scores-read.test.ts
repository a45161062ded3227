// The per-sample scores core reads anyway while mapping a terminal evaluation (OpenAI output items, Nugen download)
// are handed back by `sampleScoresRead` without another request, and bounded, against a real HTTP server.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, DEFAULT_MAX_SAMPLES } from '../src/index.js';
import { json, startTestServer, type Handler, type TestServer } from './support/test-server.js';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

function byPath(table: Record<string, Handler>): Handler {
  return (req, res, body) => {
    const key = `${req.method} ${(req.url ?? '').split('?')[0]}`;
    (table[key] ?? json(404, { detail: `no route ${key}` }))(req, res, body);
  };
}

describe('OpenAI: the output items behind the scores', () => {
  const ITEMS = 1234;
  /** Item i has two graders scoring i/ITEMS and 0 (mean i/ITEMS/2); every tenth has no numeric score. */
  const item = (index: number) => ({
    object: 'eval.run.output_item',
    id: `item_${index}`,
    results:
      index % 10 === 0
        ? [{ name: 'g', passed: true }]
        : [
            { name: 'a', score: index / ITEMS, passed: true },
            { name: 'b', score: 0, passed: false },
          ],
  });
  const expectedScore = (index: number) => (index % 10 === 0 ? undefined : index / ITEMS / 2);
  const pages: Handler = (req, res, body) => {
    const after = new URL(req.url ?? '', 'http://x').searchParams.get('after');
    const start = after === null ? 0 : Number(after.slice('item_'.length)) + 1;
    const data = Array.from({ length: Math.min(100, ITEMS - start) }, (_, offset) => item(start + offset));
    json(200, { object: 'list', data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: start + data.length < ITEMS })(req, res, body);
  };

  it('keeps the first 1000 per-item scores (mean over graders) and the total, read once', async () => {
    server.respond(
      byPath({
        'GET /v1/evals/eval_a/runs/evalrun_1': json(200, {
          object: 'eval.run',
          id: 'evalrun_1',
          eval_id: 'eval_a',
          status: 'completed',
          name: 'r',
          error: null,
        }),
        'GET /v1/evals/eval_a/runs/evalrun_1/output_items': pages,
      }),
    );
    const client = createClient({ provider: 'openai', apiKey: 'k', baseUrl: `${server.url}/v1`, maxRetries: 0 });
    expect(client.sampleScoresRead?.('eval_a/evalrun_1')).toBeUndefined();
    const evaluation = await client.get('eval_a/evalrun_1');
    // Every grader result is one value of the aggregate (two per scored item).
    expect(evaluation.scores?.count).toBe(2 * (ITEMS - Math.ceil(ITEMS / 10)));
    const itemReads = server.requests.filter((request) => request.url.includes('/output_items')).length;
    expect(itemReads).toBe(13);

    const read = client.sampleScoresRead?.('eval_a/evalrun_1');
    expect(read?.total).toBe(ITEMS);
    expect(read?.scores).toHaveLength(DEFAULT_MAX_SAMPLES);
    expect(read?.scores).toEqual(Array.from({ length: DEFAULT_MAX_SAMPLES }, (_, index) => expectedScore(index)));
    expect(server.requests.filter((request) => request.url.includes('/output_items'))).toHaveLength(itemReads);
  });
});

describe('Nugen: the download file behind the scores', () => {
  it('keeps the per-question scores the completing get downloaded; none before completion', async () => {
    const id = 'ev_1';
    const status = (state: string) => json(200, { evaluation_id: id, status: state, questions_completed: 3, total_questions: 3 });
    server.respond(
      byPath({ [`GET /api/v3/evaluations/${id}/status`]: status('processing') }),
      byPath({ [`GET /api/v3/evaluations/${id}/status`]: status('completed') }),
      byPath({ [`GET /api/v3/evaluations/${id}/results`]: json(200, { evaluation_id: id, metrics: { accuracy: 0.5 } }) }),
      byPath({
        [`GET /api/v3/evaluations/${id}/download`]: json(200, {
          detailed_results: [
            { question_id: 'q1', score: 0.5 },
            { question_id: 'q2', score: 'n/a' },
            { question_id: 'q3', score: 1 },
          ],
        }),
      }),
    );
    const client = createClient({ provider: 'nugen', apiKey: 'k', baseUrl: server.url, maxRetries: 0 });
    expect((await client.get(id)).status).toBe('running');
    expect(client.sampleScoresRead?.(id)).toBeUndefined();
    expect((await client.get(id)).status).toBe('completed');
    expect(client.sampleScoresRead?.(id)).toEqual({ scores: [0.5, undefined, 1] });
    expect(server.requests.filter((request) => request.url.includes('/download'))).toHaveLength(1);
  });
});
