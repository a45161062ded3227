import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigurationError, createClient } from '../src/index.js';
import { primeEvaluationBody } from './support/prime-fixtures.js';
import { json, startTestServer, type TestServer } from './support/test-server.js';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});
const client = () => createClient({ provider: 'prime', apiKey: 'k', baseUrl: server.url, maxRetries: 0 });

describe('Prime client (wire mapping)', () => {
  it('sends every create field in snake_case, and only the ones set', async () => {
    server.respond(json(201, { evaluation_id: 'ev_9', name: 'n', status: 'PENDING', eval_type: 'environment', created_at: '2026-01-01T00:00:00Z' }));
    const created = await client().create({
      provider: 'prime',
      name: 'n',
      teamId: 't',
      environments: [{ id: 'env', versionId: 'v1' }, { id: 'env2' }],
      suiteId: 's',
      runId: 'r',
      isHosted: true,
      inferenceModel: 'im',
      evalConfig: { num_examples: 5 },
      modelName: 'mn',
      dataset: 'ds',
      framework: 'fw',
      taskType: 'tt',
      description: 'd',
      tags: ['x'],
      metadata: { a: 1 },
      metrics: { m: 2 },
      isPublic: false,
    });
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({
      name: 'n',
      team_id: 't',
      environments: [{ id: 'env', version_id: 'v1' }, { id: 'env2' }],
      suite_id: 's',
      run_id: 'r',
      is_hosted: true,
      inference_model: 'im',
      eval_config: { num_examples: 5 },
      model_name: 'mn',
      dataset: 'ds',
      framework: 'fw',
      task_type: 'tt',
      description: 'd',
      tags: ['x'],
      metadata: { a: 1 },
      metrics: { m: 2 },
      is_public: false,
    });
    expect(created).toMatchObject({ id: 'ev_9', status: 'queued', capabilities: { canCancel: true } });
  });

  it('rejects a request for another provider or without a name before sending', async () => {
    await expect(client().create({ provider: 'nugen', modelId: 'm', benchmarkId: 'b' })).rejects.toBeInstanceOf(ConfigurationError);
    await expect(client().create({ provider: 'prime', name: ' ' })).rejects.toThrow(/non-empty name/);
    expect(server.requests).toHaveLength(0);
  });

  it('maps a completed evaluation with scores, dates, tags and model', async () => {
    server.respond(
      json(200, primeEvaluationBody({ status: 'COMPLETED', total_samples: 4, avg_score: 0.5, min_score: 0, max_score: 1, tags: ['nightly'], metadata: { branch: 'main', n: 3 }, progress: 1 })),
    );
    const evaluation = await client().get('ev_1');
    expect(evaluation).toMatchObject({
      provider: 'prime',
      id: 'ev_1',
      status: 'completed',
      scores: { avg: 0.5, min: 0, max: 1, count: 4 },
      reportUrl: 'https://app.example/ev_1',
      tags: ['nightly'],
      metadata: { branch: 'main' },
      model: 'meta/llama',
      capabilities: { canCancel: false, canFinalize: true },
    });
    expect(evaluation.createdAt?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('pages with skip/limit and turns total into the next cursor', async () => {
    const page = (skip: number, count: number) =>
      json(200, { evaluations: Array.from({ length: count }, (_, i) => primeEvaluationBody({ evaluation_id: `ev_${skip + i}` })), total: 5, skip, limit: 2 });
    server.respond(page(0, 2), page(2, 2), page(4, 1));
    const ids: string[] = [];
    for await (const evaluation of client().list({ pageSize: 2 })) ids.push(evaluation.id);
    expect(ids).toEqual(['ev_0', 'ev_1', 'ev_2', 'ev_3', 'ev_4']);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/api/v1/evaluations/?skip=0&limit=2',
      '/api/v1/evaluations/?skip=2&limit=2',
      '/api/v1/evaluations/?skip=4&limit=2',
    ]);
  });

  it('refuses page sizes above 100 and foreign cursors', async () => {
    await expect(client().listPage({ pageSize: 101 })).rejects.toThrow(/pageSize must be an integer from 1 to 100/);
    await expect(client().listPage({ cursor: 'abc' })).rejects.toBeInstanceOf(ConfigurationError);
  });

  it('pushes samples in batches of at most 500', async () => {
    server.respond(json(200, { evaluation_id: 'ev_1', samples_added: 1, total_samples: 1 }));
    const samples = Array.from({ length: 1200 }, (_, i) => ({ score: i / 1200, prompt: `p${i}` }));
    await client().pushSamples('ev_1', samples);
    const sizes = server.requests.map((r) => (JSON.parse(r.body) as { samples: unknown[] }).samples.length);
    expect(sizes).toEqual([500, 500, 200]);
    expect(server.requests.every((r) => r.method === 'POST' && r.url === '/api/v1/evaluations/ev_1/samples')).toBe(true);
    await expect(client().pushSamples('ev_1', samples, { batchSize: 501 })).rejects.toThrow(/batchSize must be an integer from 1 to 500/);
  });

  it('finalizes and takes the scores of the finalize response', async () => {
    server.respond(
      json(200, { evaluation_id: 'ev_1', status: 'COMPLETED', message: 'ok', total_samples: 3, avg_score: 0.6, min_score: 0.2, max_score: 0.9, viewer_url: 'https://v/1' }),
      json(200, primeEvaluationBody({ status: 'COMPLETED', is_hosted: false })),
    );
    const evaluation = await client().finalize('ev_1');
    expect(evaluation.scores).toEqual({ avg: 0.6, min: 0.2, max: 0.9, count: 3 });
    expect(evaluation.reportUrl).toBe('https://v/1');
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /api/v1/evaluations/ev_1/finalize',
      'GET /api/v1/evaluations/ev_1',
    ]);
  });

  it('cancels through the hosted-evaluations route', async () => {
    server.respond(
      json(200, { evaluation_id: 'ev_1', status: 'CANCELLED', message: 'cancelled' }),
      json(200, primeEvaluationBody({ status: 'CANCELLED' })),
    );
    const evaluation = await client().cancel('ev_1');
    expect(evaluation.status).toBe('cancelled');
    expect(evaluation.capabilities.canCancel).toBe(false);
    expect(server.requests[0]).toMatchObject({ method: 'PATCH', url: '/api/v1/hosted-evaluations/ev_1/cancel' });
  });
});
