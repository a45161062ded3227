/** Nugen client against a node:http server answering the documented shapes (shared/api-docs/nugen, QUIRKS NUGEN-*). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigurationError, createClient, UnsupportedOperationError } from '../src/index.js';
import { fakeClock } from './support/fake-clock.js';
import { json, type Handler, startTestServer, type TestServer } from './support/test-server.js';

let server: TestServer;
let clock: ReturnType<typeof fakeClock>;
beforeEach(async () => {
  server = await startTestServer();
  clock = fakeClock();
});
afterEach(async () => {
  await server.close();
});
const client = () => createClient({ provider: 'nugen', apiKey: 'k', baseUrl: server.url, maxRetries: 0, now: clock.now, sleep: clock.sleep });

/** The "In progress" example of get-evaluation-status.md, with the status and counters varied. */
const statusBody = (status: string, done: number | null = 5, total: number | null = 10, progress: string | null = `${done}/${total} questions`) => ({
  evaluation_id: 'eval-xyz789',
  status,
  benchmark_id: 'task-abc123',
  progress,
  questions_completed: done,
  total_questions: total,
  avg_time_per_question: 12.5,
  eta_seconds: 62,
});

const singleResults = {
  evaluation_id: 'eval-xyz789',
  model_id: 'aligned-model-01kmqm4nrn9fw6r',
  benchmark_id: 'task-abc123',
  status: 'READY',
  method: 'eval',
  raw_answers_count: 4,
  completed_at: '2024-01-15T10:45:00Z',
  metrics: { accuracy: 0.92, relevance: 0.88, average_score: 0.9, total_questions: 4, correct_answers: 3 },
};

const downloadFile = (scores: unknown[]) => ({
  evaluation_id: 'eval-xyz789',
  status: 'READY',
  model_id: 'aligned-model-01kmqm4nrn9fw6r',
  benchmark_id: 'task-abc123',
  metrics: { accuracy: 0.92 },
  detailed_results: scores.map((score, i) => ({ question: `q${i}`, expected_answer: 'a', model_answer: 'b', score })),
  created_at: '2024-01-15T10:30:00Z',
  completed_at: '2024-01-15T10:45:00Z',
});

describe('Nugen client: create', () => {
  it('posts to /api/v3/evaluations without a trailing slash, custom_metrics as an object, judge_provider only when set', async () => {
    const created: Handler = json(200, {
      evaluation_id: 'eval-xyz789',
      model_id: 'm1',
      status: 'PROCESSING',
      benchmark_id: 'task-abc123',
      created_at: '2026-03-10T10:43:12.826791',
      message: 'Evaluation created successfully and queued for execution',
    });
    server.respond(created);
    const c = client();
    const evaluation = await c.create({ provider: 'nugen', modelId: 'm1', benchmarkId: 'task-abc123', modelId2: 'm2', customMetrics: { metrics: ['f1'] } });
    await c.create({ provider: 'nugen', modelId: 'm1', benchmarkId: 'task-abc123', judgeProvider: 'openai' });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /api/v3/evaluations', 'POST /api/v3/evaluations']);
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({
      model_id: 'm1',
      benchmark_id: 'task-abc123',
      custom_metrics: { metrics: ['f1'] },
      model_id_2: 'm2',
    });
    expect(JSON.parse(server.requests[1]?.body ?? '')).toEqual({ model_id: 'm1', benchmark_id: 'task-abc123', judge_provider: 'openai' });
    expect(evaluation).toMatchObject({
      id: 'eval-xyz789',
      name: 'm1 vs m2 on task-abc123',
      model: 'm1',
      benchmark: 'task-abc123',
      status: 'running',
      capabilities: { canCancel: false, canFinalize: false },
    });
    // No offset in the timestamp: read as UTC, whatever the runner's time zone.
    expect(evaluation.createdAt?.toISOString()).toBe('2026-03-10T10:43:12.826Z');
  });

  it('refuses custom_metrics given as a list before sending anything (NUGEN-4)', async () => {
    const request = { provider: 'nugen', modelId: 'm', benchmarkId: 'b', customMetrics: ['accuracy'] as unknown as Record<string, unknown> } as const;
    await expect(client().create(request)).rejects.toBeInstanceOf(ConfigurationError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('Nugen client: status', () => {
  it('reads the integer counters and eta, never the display string when the integers are there', async () => {
    server.respond(json(200, statusBody('PROCESSING', 5, 10, '9/99 questions')));
    const evaluation = await client().get('eval-xyz789');
    expect(evaluation).toMatchObject({ status: 'running', rawStatus: 'PROCESSING', progress: { fraction: 0.5, completed: 5, total: 10, etaSeconds: 62 } });
    expect(server.requests.map((r) => r.url)).toEqual(['/api/v3/evaluations/eval-xyz789/status']);
  });

  it('parses "<done>/<total>" from progress only when the integers are null, and never yields NaN', async () => {
    server.respond(
      json(200, statusBody('pending', null, null, '3/10 questions')),
      json(200, statusBody('PROCESSING', null, null, 'warming up')),
      json(200, statusBody('PROCESSING', 0, 0, '0/0 questions')),
    );
    const c = client();
    expect((await c.get('eval-xyz789')).progress).toEqual({ fraction: 0.3, completed: 3, total: 10, etaSeconds: 62 });
    expect((await c.get('eval-xyz789')).progress).toEqual({ etaSeconds: 62 });
    expect((await c.get('eval-xyz789')).progress).toEqual({ completed: 0, total: 0, etaSeconds: 62 });
  });

  it.each([
    ['PROCESSING', 'running'],
    ['processing', 'running'],
    ['in_progress', 'running'],
    ['SOMETHING_NEW', 'running'],
    ['pending', 'queued'],
    ['FAILED', 'failed'],
    ['failed', 'failed'],
  ])('maps status %s to %s case-insensitively (NUGEN-5)', async (raw, expected) => {
    server.respond(json(200, statusBody(raw)));
    expect((await client().get('eval-xyz789')).status).toBe(expected);
    expect(server.requests).toHaveLength(1);
  });
});

describe('Nugen client: waiting', () => {
  it('polls through a 5xx on /status (NUGEN-5) and ends on FAILED without asking for results', async () => {
    server.respond(json(503, { detail: 'Service Unavailable' }), json(500, {}), json(200, statusBody('PROCESSING')), json(200, statusBody('FAILED')));
    const evaluation = await client().waitForCompletion('eval-xyz789', { initialIntervalMs: 1000 });
    expect(evaluation.status).toBe('failed');
    expect(server.requests.map((r) => r.url)).toEqual(Array(4).fill('/api/v3/evaluations/eval-xyz789/status'));
  });
});

describe('Nugen client: results', () => {
  it.each(['READY', 'completed', 'Evaluated'])(
    'on %s reads /results and /download: avg/min/max/count from detailed_results, pass rate from the metrics',
    async (raw) => {
      server.respond(json(200, statusBody(raw, 4, 4)), json(200, singleResults), json(200, downloadFile([0.25, 1, 'n/a', 0.5, 0.75])));
      const evaluation = await client().get('eval-xyz789');
      expect(evaluation).toMatchObject({
        status: 'completed',
        name: 'aligned-model-01kmqm4nrn9fw6r on task-abc123',
        scores: { avg: 0.625, min: 0.25, max: 1, count: 4, passRate: 0.75 },
      });
      expect(evaluation.comparison).toBeUndefined();
      expect(evaluation.updatedAt?.toISOString()).toBe('2024-01-15T10:45:00.000Z');
      expect(server.requests.map((r) => r.url)).toEqual([
        '/api/v3/evaluations/eval-xyz789/status',
        '/api/v3/evaluations/eval-xyz789/results',
        '/api/v3/evaluations/eval-xyz789/download',
      ]);
    },
  );

  it('reports running (not a completed evaluation without scores) while /results still answers 400 after READY', async () => {
    server.respond(json(200, statusBody('READY', 10, 10)), json(400, { detail: 'Evaluation not completed yet' }));
    const evaluation = await client().get('eval-xyz789');
    expect(evaluation).toMatchObject({ status: 'running', rawStatus: 'READY' });
    expect(server.requests).toHaveLength(2);
  });

  it('comparison mode by method: model_id scores from base_model, model_id_2 from eval_model', async () => {
    const results = {
      ...singleResults,
      metrics: undefined,
      model_id: 'nugen-flash-instruct',
      model_id_2: 'gpt-4',
      method: 'eval-compare',
      base_model: { model_id: 'nugen-flash-instruct', average_score: 0.92, total_questions: 3 },
      eval_model: { model_id: 'gpt-4', average_score: 0.5, total_questions: 3 },
      comparison: {},
    };
    const file = {
      evaluation_id: 'eval-xyz789',
      method: 'eval-compare',
      base_model: { model_id: 'nugen-flash-instruct', detailed_results: [{ score: 1 }, { score: 0.5 }] },
      eval_model: { model_id: 'gpt-4', detailed_results: [{ score: 0 }, { score: 0.25 }, { score: 0.5 }] },
    };
    server.respond(json(200, statusBody('READY', 3, 3)), json(200, results), json(200, file));
    const evaluation = await client().get('eval-xyz789');
    expect(evaluation.scores).toEqual({ avg: 0.75, min: 0.5, max: 1, count: 2 });
    expect(evaluation.comparison).toEqual({ model: 'gpt-4', scores: { avg: 0.25, min: 0, max: 0.5, count: 3 } });
    expect(evaluation.name).toBe('nugen-flash-instruct vs gpt-4 on task-abc123');
  });

  it('comparison mode without method falls back to model_id_2, and without a download file to *_mean/_min/_max aggregates', async () => {
    const results = {
      evaluation_id: 'eval-xyz789',
      model_id: 'a',
      model_id_2: 'b',
      benchmark_id: 'task-abc123',
      status: 'completed',
      raw_answers_count: 20,
      completed_at: '2024-01-15T10:45:00Z',
      base_model: {
        model_id: 'a',
        total_questions: 10,
        answer_relevance_mean: 0.8,
        answer_relevance_min: 0.1,
        answer_relevance_max: 1,
        binary_correctness_mean: 0.2,
        binary_correctness_min: 0,
        binary_correctness_max: 1,
      },
      eval_model: { model_id: 'b', total_questions: 10, answer_relevance_mean: 0.4, answer_relevance_min: 0, answer_relevance_max: 0.9 },
    };
    server.respond(json(200, statusBody('completed', 10, 10)), json(200, results), json(404, { detail: 'Not Found' }));
    const evaluation = await client().get('eval-xyz789');
    expect(evaluation.scores).toEqual({ avg: 0.8, min: 0.1, max: 1, count: 10 });
    expect(evaluation.comparison).toEqual({ model: 'b', scores: { avg: 0.4, min: 0, max: 0.9, count: 10 } });
  });

  it('comparison mode: the side whose model_id is the primary model gives the primary scores', async () => {
    const results = {
      ...singleResults,
      metrics: undefined,
      model_id: 'a',
      model_id_2: 'b',
      method: 'eval-compare',
      base_model: { model_id: 'b', total_questions: 2, score_mean: 0.1, score_min: 0, score_max: 0.2 },
      eval_model: { model_id: 'a', total_questions: 2, score_mean: 0.9, score_min: 0.8, score_max: 1 },
    };
    server.respond(json(200, statusBody('READY', 2, 2)), json(200, results), json(400, { detail: 'not available' }));
    const evaluation = await client().get('eval-xyz789');
    expect(evaluation.scores).toEqual({ avg: 0.9, min: 0.8, max: 1, count: 2 });
    expect(evaluation.comparison).toEqual({ model: 'b', scores: { avg: 0.1, min: 0, max: 0.2, count: 2 } });
  });

  it('method "eval" wins over a stray model_id_2: single-model scores', async () => {
    server.respond(json(200, statusBody('READY', 1, 1)), json(200, { ...singleResults, model_id_2: 'x' }), json(200, downloadFile([0.5])));
    const evaluation = await client().get('eval-xyz789');
    expect(evaluation.scores).toMatchObject({ avg: 0.5, count: 1 });
    expect(evaluation.comparison).toBeUndefined();
  });
});

describe('Nugen client: list', () => {
  const item = (id: string, created: string, extra: Record<string, unknown> = {}) => ({
    evaluation_id: id,
    model_id: 'aligned-model-01kmqm4nrn9fw6r',
    benchmark_id: 'benchmark_01KKBN96Q34K8807Q',
    status: 'READY',
    judge_provider: 'nugen',
    created_at: created,
    ...extra,
  });
  const page = (evaluations: unknown[], total: number, offset: number, limit: number) => json(200, { user_id: 'u', evaluations, total, limit, offset });

  it('pages by offset until total, each evaluation once, newest first within a page', async () => {
    server.respond(
      page([item('e1', '2026-03-10T10:00:00'), item('e3', '2026-03-10T12:00:00')], 4, 0, 2),
      // e3 moved down a page while we read (a new evaluation arrived): it is not repeated.
      page([item('e3', '2026-03-10T12:00:00'), item('e2', '2026-03-10T11:00:00')], 4, 2, 2),
    );
    const seen: string[] = [];
    for await (const evaluation of client().list({ pageSize: 2 })) seen.push(evaluation.id);
    expect(seen).toEqual(['e3', 'e1', 'e2']);
    expect(server.requests.map((r) => r.url)).toEqual(['/api/v3/evaluations?offset=0&limit=2', '/api/v3/evaluations?offset=2&limit=2']);
  });

  it('stops after a bounded number of pages when total is never reached', async () => {
    let n = 0;
    server.respond((_req, res) => {
      n++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ user_id: 'u', evaluations: [item(`e${n}`, '2026-03-10T10:00:00')], total: 1_000_000, limit: 1, offset: n - 1 }));
    });
    let count = 0;
    for await (const _ of client().list({ pageSize: 1 })) count++;
    expect(count).toBe(100);
    expect(server.requests).toHaveLength(100);
  });

  it('list rows carry scores from *_mean/_min/_max: flat for one model, under base_model/eval_model for comparison (NUGEN-6)', async () => {
    server.respond(
      page(
        [
          item('single', '2026-03-10T10:43:12.826791', {
            metrics: { score_mean: 0.7, score_min: 0.2, score_max: 1, score_std: 0.1, accuracy_mean: 0.1, accuracy_min: 0, accuracy_max: 1 },
          }),
          item('compare', '2026-03-10T09:00:00', {
            metrics: {
              base_model: {
                answer_relevance_max: 1,
                answer_relevance_min: 0.5,
                answer_relevance_std: 0,
                answer_relevance_mean: 0.9,
                binary_correctness_max: 1,
                binary_correctness_min: 0,
                binary_correctness_mean: 0.3,
              },
              eval_model: { answer_relevance_max: 0.8, answer_relevance_min: 0.1, answer_relevance_mean: 0.4 },
            },
          }),
          item('none', '2026-03-10T08:00:00', { metrics: null, status: 'PROCESSING' }),
        ],
        3,
        0,
        20,
      ),
    );
    const { items } = await client().listPage();
    expect(items.map((e) => [e.id, e.status])).toEqual([
      ['single', 'completed'],
      ['compare', 'completed'],
      ['none', 'running'],
    ]);
    expect(items[0]?.scores).toEqual({ avg: 0.7, min: 0.2, max: 1, count: 0 });
    expect(items[0]?.createdAt?.toISOString()).toBe('2026-03-10T10:43:12.826Z');
    expect(items[1]?.scores).toEqual({ avg: 0.9, min: 0.5, max: 1, count: 0 });
    expect(items[1]?.comparison).toEqual({ model: 'eval_model', scores: { avg: 0.4, min: 0.1, max: 0.8, count: 0 } });
    expect(items[2]?.scores).toBeUndefined();
  });
});

describe('Nugen client: no cancel', () => {
  it('has no cancel (never a DELETE) and no pushSamples; finalize is get', async () => {
    await expect(client().cancel('eval-1')).rejects.toBeInstanceOf(UnsupportedOperationError);
    await expect(client().pushSamples('eval-1', [])).rejects.toThrow('nugen does not support pushSamples');
    expect(server.requests).toHaveLength(0);
    server.respond(json(200, statusBody('FAILED')));
    expect((await client().finalize('eval-1')).status).toBe('failed');
    expect(server.requests.map((r) => r.method)).toEqual(['GET']);
  });
});
