import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, UnsupportedOperationError } from '../src/index.js';
import { json, startTestServer, type TestServer } from './support/test-server.js';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});
const client = () => createClient({ provider: 'nugen', apiKey: 'k', baseUrl: server.url, maxRetries: 0 });

const statusBody = (status: string, progress = 50) => ({
  evaluation_id: 'eval-1',
  status,
  progress,
  questions_completed: 5,
  total_questions: 10,
  eta_seconds: 12,
});

describe('Nugen client (wire mapping)', () => {
  it('creates with snake_case fields and names the evaluation after model and benchmark', async () => {
    server.respond(
      json(200, { evaluation_id: 'eval-1', model_id: 'm1', status: 'PROCESSING', benchmark_id: 'mmlu', created_at: '2026-01-01T00:00:00Z', message: 'ok' }),
      json(200, statusBody('processing')),
    );
    const c = client();
    const created = await c.create({ provider: 'nugen', modelId: 'm1', benchmarkId: 'mmlu', modelId2: 'm2', customMetrics: { f1: true } });
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({ model_id: 'm1', benchmark_id: 'mmlu', custom_metrics: { f1: true }, model_id_2: 'm2' });
    expect(created).toMatchObject({ id: 'eval-1', name: 'm1 vs m2 on mmlu', status: 'running', capabilities: { canCancel: false, canFinalize: false } });
    const running = await c.get('eval-1');
    expect(running).toMatchObject({ name: 'm1 vs m2 on mmlu', progress: { fraction: 0.5, completed: 5, total: 10, etaSeconds: 12 } });
    expect(server.requests).toHaveLength(2);
  });

  it('reads results once completed: scores, report and comparison', async () => {
    server.respond(
      json(200, statusBody('completed', 100)),
      json(200, {
        evaluation_id: 'eval-1',
        model_id: 'm1',
        model_id_2: 'm2',
        benchmark_id: 'mmlu',
        status: 'completed',
        created_at: '2026-01-01T00:00:00Z',
        completed_at: '2026-01-01T00:10:00Z',
        report_url: 'https://nugen.example/r/1',
        results: { average_score: 0.5, total_questions: 4, scores: [0, 0.5, 1, 0.5], metrics: {} },
        comparison: { model_id: 'm2', average_score: 0.25, scores: [0, 0.5] },
      }),
    );
    const evaluation = await client().get('eval-1');
    expect(evaluation).toMatchObject({
      status: 'completed',
      name: 'm1 vs m2 on mmlu',
      scores: { avg: 0.5, min: 0, max: 1, count: 4 },
      reportUrl: 'https://nugen.example/r/1',
      comparison: { model: 'm2', scores: { avg: 0.25, min: 0, max: 0.5, count: 2 } },
    });
    expect(server.requests.map((r) => r.url)).toEqual(['/api/v3/evaluations/eval-1/status', '/api/v3/evaluations/eval-1/results']);
  });

  it('pages with offset/limit and maps UPPERCASE list statuses', async () => {
    const item = (id: string, status: string) => ({ evaluation_id: id, model_id: 'm', model_id_2: null, benchmark_id: 'b', status, created_at: '2026-01-01T00:00:00Z' });
    server.respond(
      json(200, { evaluations: [item('e3', 'PROCESSING'), item('e2', 'READY')], total: 3, offset: 0, limit: 2 }),
      json(200, { evaluations: [item('e1', 'FAILED')], total: 3, offset: 2, limit: 2 }),
    );
    const seen: string[] = [];
    for await (const e of client().list({ pageSize: 2 })) seen.push(`${e.id}:${e.status}`);
    expect(seen).toEqual(['e3:running', 'e2:completed', 'e1:failed']);
    expect(server.requests[1]?.url).toBe('/api/v3/evaluations?offset=2&limit=2');
  });

  it('has no cancel and no pushSamples; finalize is get', async () => {
    await expect(client().cancel('eval-1')).rejects.toBeInstanceOf(UnsupportedOperationError);
    await expect(client().pushSamples('eval-1', [])).rejects.toThrow('nugen does not support pushSamples');
    expect(server.requests).toHaveLength(0);
    server.respond(json(200, statusBody('failed')));
    expect((await client().finalize('eval-1')).status).toBe('failed');
  });
});
