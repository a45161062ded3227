import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigurationError, ConflictError, createClient, UnsupportedOperationError } from '../src/index.js';
import { DEFAULT_MAX_LIST_PAGES as PRIME_MAX_LIST_PAGES } from '../src/list.js';
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
  it('push flow: POST /api/v1/evaluations/ with every descriptive field in snake_case, and only the ones set', async () => {
    server.respond(json(201, { evaluation_id: 'ev_9', name: 'n', status: 'RUNNING', eval_type: 'environment', created_at: '2026-01-01T00:00:00Z' }));
    const created = await client().create({
      provider: 'prime',
      name: 'n',
      teamId: 't',
      environments: [{ id: 'env', versionId: 'v1' }, { id: 'env2' }],
      suiteId: 's',
      runId: 'r',
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
    expect(server.requests[0]).toMatchObject({ method: 'POST', url: '/api/v1/evaluations/' });
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({
      name: 'n',
      team_id: 't',
      environments: [{ id: 'env', version_id: 'v1' }, { id: 'env2' }],
      suite_id: 's',
      run_id: 'r',
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
    expect(created).toMatchObject({ id: 'ev_9', status: 'running', capabilities: { canCancel: false, canFinalize: true } });
  });

  it('hosted: POST /api/v1/hosted-evaluations with a complete eval_config, then PUT adds tags and metadata', async () => {
    server.respond(
      json(201, { evaluation_id: 'ev_h', sandbox_id: 'sb', status: 'PENDING' }),
      json(200, { evaluation_id: 'ev_h', name: 'n', status: 'PENDING', updated_at: '2026-01-01T00:00:00Z' }),
    );
    const created = await client().create({
      provider: 'prime',
      name: 'n',
      isHosted: true,
      teamId: 't',
      environments: [{ id: 'gsm8k' }],
      inferenceModel: 'llama',
      evalConfig: { num_examples: 5, rollouts_per_example: 3, env_args: { split: 'test' } },
      tags: ['evalgate'],
      metadata: { evalgate: '1' },
    });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /api/v1/hosted-evaluations', 'PUT /api/v1/evaluations/ev_h']);
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({
      environment_ids: ['gsm8k'],
      inference_model: 'llama',
      eval_config: { num_examples: 5, rollouts_per_example: 3, env_args: { split: 'test' }, timeout_minutes: 120 },
      team_id: 't',
      name: 'n',
    });
    expect(JSON.parse(server.requests[1]?.body ?? '')).toEqual({ tags: ['evalgate'], metadata: { evalgate: '1' } });
    expect(created).toMatchObject({
      id: 'ev_h',
      status: 'queued',
      rawStatus: 'PENDING',
      model: 'llama',
      capabilities: { canCancel: true },
      metadata: { evalgate: '1' },
    });
  });

  it('hosted: keeps an explicit timeout_minutes; follows the first of several evaluation_ids; a failed PUT only warns', async () => {
    const warnings: string[] = [];
    server.respond(json(201, { evaluation_ids: ['ev_a', 'ev_b'], status: 'RUNNING' }), json(500, { detail: 'boom' }));
    const created = await createClient({
      provider: 'prime',
      apiKey: 'k',
      baseUrl: server.url,
      maxRetries: 0,
      logger: { debug: () => {}, warn: (m) => warnings.push(m) },
    }).create({
      provider: 'prime',
      name: 'n',
      isHosted: true,
      environments: [{ id: 'a' }, { id: 'b' }],
      inferenceModel: 'llama',
      evalConfig: { num_examples: -1, rollouts_per_example: 1, timeout_minutes: 600 },
      tags: ['evalgate'],
    });
    expect(JSON.parse(server.requests[0]?.body ?? '').eval_config.timeout_minutes).toBe(600);
    expect(created.id).toBe('ev_a');
    expect(warnings.join('\n')).toMatch(/not ev_b/);
    expect(warnings.join('\n')).toMatch(/Could not add tags and metadata to Prime evaluation ev_a/);
  });

  it.each([
    [{ environments: [], inferenceModel: 'm', evalConfig: { num_examples: 1, rollouts_per_example: 1 } }, /at least one environment/],
    [{ environments: [{ id: 'e', versionId: 'v1' }], inferenceModel: 'm', evalConfig: { num_examples: 1, rollouts_per_example: 1 } }, /without a version/],
    [{ environments: [{ id: 'e' }], evalConfig: { num_examples: 1, rollouts_per_example: 1 } }, /needs inferenceModel/],
    [{ environments: [{ id: 'e' }], inferenceModel: 'm' }, /eval_config.num_examples/],
    [{ environments: [{ id: 'e' }], inferenceModel: 'm', evalConfig: { num_examples: 1, rollouts_per_example: 4096 } }, /eval_config.rollouts_per_example/],
    [
      { environments: [{ id: 'e' }], inferenceModel: 'm', evalConfig: { num_examples: 1, rollouts_per_example: 1, timeout_minutes: 30 } },
      /eval_config.timeout_minutes/,
    ],
  ])('hosted: refuses an incomplete request before sending (%#)', async (fields, message) => {
    await expect(client().create({ provider: 'prime', name: 'n', isHosted: true, ...fields })).rejects.toThrow(message);
    expect(server.requests).toHaveLength(0);
  });

  it('push flow: refuses hosted-only fields without isHosted', async () => {
    await expect(client().create({ provider: 'prime', name: 'n', evalConfig: { num_examples: 1, rollouts_per_example: 1 } })).rejects.toThrow(
      /set isHosted: true/,
    );
    expect(server.requests).toHaveLength(0);
  });

  it("hosted: a create answer without any id is a validation error quoting Prime's error", async () => {
    server.respond(json(201, { status: 'FAILED', error: 'model not available' }));
    const request = {
      provider: 'prime' as const,
      name: 'n',
      isHosted: true,
      environments: [{ id: 'e' }],
      inferenceModel: 'm',
      evalConfig: { num_examples: 1, rollouts_per_example: 1 },
    };
    await expect(client().create(request)).rejects.toThrow(/model not available/);
  });

  it('rejects a request for another provider or without a name before sending', async () => {
    await expect(client().create({ provider: 'nugen', modelId: 'm', benchmarkId: 'b' })).rejects.toBeInstanceOf(ConfigurationError);
    await expect(client().create({ provider: 'prime', name: ' ' })).rejects.toThrow(/non-empty name/);
    expect(server.requests).toHaveLength(0);
  });

  it('maps a completed evaluation with scores, dates, tags and model', async () => {
    server.respond(
      json(
        200,
        primeEvaluationBody({
          status: 'COMPLETED',
          total_samples: 4,
          avg_score: 0.5,
          min_score: 0,
          max_score: 1,
          tags: ['nightly'],
          metadata: { branch: 'main', n: 3 },
          progress: 1,
          started_at: '2026-01-01T00:00:30Z',
        }),
      ),
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
    expect(evaluation.startedAt?.toISOString()).toBe('2026-01-01T00:00:30.000Z');
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

  it('pushes samples in batches of at most 500, each with reward and score (PRIME-2)', async () => {
    server.respond(json(200, { evaluation_id: 'ev_1', samples_pushed: 1, status: 'RUNNING' }));
    const samples = Array.from({ length: 1200 }, (_, i) => ({ score: i / 1200, prompt: `p${i}` }));
    await client().pushSamples('ev_1', samples);
    const bodies = server.requests.map((r) => (JSON.parse(r.body) as { samples: Array<Record<string, unknown>> }).samples);
    expect(bodies.map((batch) => batch.length)).toEqual([500, 500, 200]);
    expect(bodies[1]?.[0]).toEqual({ score: 500 / 1200, reward: 500 / 1200, prompt: 'p500' });
    expect(server.requests.every((r) => r.method === 'POST' && r.url === '/api/v1/evaluations/ev_1/samples')).toBe(true);
    await expect(client().pushSamples('ev_1', samples, { batchSize: 501 })).rejects.toThrow(/batchSize must be an integer from 1 to 500/);
  });

  it('copies reward into score and keeps samples without a number or with both as they are', async () => {
    server.respond(json(200, { evaluation_id: 'ev_1', samples_pushed: 3, status: 'RUNNING' }));
    await client().pushSamples('ev_1', [{ reward: 0.5 }, { reward: 1, score: 0.9 }, { note: 'unscored' }]);
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({ samples: [{ reward: 0.5, score: 0.5 }, { reward: 1, score: 0.9 }, { note: 'unscored' }] });
  });

  it('finalizes a client-driven evaluation and takes the scores of the finalize response', async () => {
    server.respond(
      json(200, primeEvaluationBody({ status: 'RUNNING', is_hosted: false })),
      json(200, {
        evaluation_id: 'ev_1',
        status: 'COMPLETED',
        message: 'ok',
        total_samples: 3,
        avg_score: 0.6,
        min_score: 0.2,
        max_score: 0.9,
        viewer_url: 'https://v/1',
      }),
      json(200, primeEvaluationBody({ status: 'COMPLETED', is_hosted: false })),
    );
    const evaluation = await client().finalize('ev_1');
    expect(evaluation.scores).toEqual({ avg: 0.6, min: 0.2, max: 0.9, count: 3 });
    expect(evaluation.reportUrl).toBe('https://v/1');
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /api/v1/evaluations/ev_1',
      'POST /api/v1/evaluations/ev_1/finalize',
      'GET /api/v1/evaluations/ev_1',
    ]);
  });

  it('computes avg/min/max from the stored samples (reward, else score) when Prime reports null', async () => {
    server.respond(
      json(200, primeEvaluationBody({ status: 'RUNNING', is_hosted: false })),
      json(200, { evaluation_id: 'ev_1', status: 'COMPLETED', total_samples: null, avg_score: null, min_score: null, max_score: null }),
      json(200, primeEvaluationBody({ status: 'COMPLETED', is_hosted: false, total_samples: 4 })),
      json(200, { evaluation_id: 'ev_1', samples: [{ reward: 1, score: 0 }, { score: 0.5 }], total: 4, page: 1, limit: 1000, total_pages: 2 }),
      json(200, { evaluation_id: 'ev_1', samples: [{ reward: 0 }, { note: 'none' }], total: 4, page: 2, limit: 1000, total_pages: 2 }),
    );
    const evaluation = await client().finalize('ev_1');
    expect(evaluation.scores).toEqual({ avg: 0.5, min: 0, max: 1, count: 3 });
    expect(server.requests.slice(3).map((r) => r.url)).toEqual([
      '/api/v1/evaluations/ev_1/samples?page=1&limit=1000',
      '/api/v1/evaluations/ev_1/samples?page=2&limit=1000',
    ]);
  });

  it('a completed hosted evaluation is read, not finalized; null figures come from its samples', async () => {
    server.respond(
      json(200, primeEvaluationBody({ status: 'COMPLETED', is_hosted: true, total_samples: 2 })),
      json(200, { evaluation_id: 'ev_1', samples: [{ reward: 0.25 }, { reward: 0.75 }], total: 2, page: 1, limit: 1000, total_pages: 1 }),
    );
    const evaluation = await client().finalize('ev_1');
    expect(evaluation.scores).toEqual({ avg: 0.5, min: 0.25, max: 0.75, count: 2 });
    expect(server.requests.map((r) => `${r.method} ${r.url.split('?')[0]}`)).toEqual(['GET /api/v1/evaluations/ev_1', 'GET /api/v1/evaluations/ev_1/samples']);
  });

  it('cancels a running hosted evaluation through PATCH /api/v1/hosted-evaluations/{id}/cancel', async () => {
    server.respond(
      json(200, primeEvaluationBody({ status: 'RUNNING' })),
      json(200, { success: true, evaluation_id: 'ev_1', status: 'CANCELLED', message: 'cancelled' }),
      json(200, primeEvaluationBody({ status: 'CANCELLED' })),
    );
    const evaluation = await client().cancel('ev_1');
    expect(evaluation.status).toBe('cancelled');
    expect(evaluation.capabilities.canCancel).toBe(false);
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /api/v1/evaluations/ev_1',
      'PATCH /api/v1/hosted-evaluations/ev_1/cancel',
      'GET /api/v1/evaluations/ev_1',
    ]);
  });

  it('does not cancel a client-driven (is_hosted false or absent) or finished evaluation', async () => {
    server.respond(json(200, primeEvaluationBody({ status: 'RUNNING', is_hosted: undefined })));
    await expect(client().cancel('ev_1')).rejects.toBeInstanceOf(UnsupportedOperationError);
    server.respond(json(200, primeEvaluationBody({ status: 'TIMEOUT' })));
    await expect(client().cancel('ev_1')).rejects.toBeInstanceOf(ConflictError);
    expect(server.requests.every((r) => r.method === 'GET')).toBe(true);
  });

  it('success: false on cancel is a conflict when the evaluation finished meanwhile, else an error quoting Prime', async () => {
    server.respond(
      json(200, primeEvaluationBody({ status: 'RUNNING' })),
      json(200, { success: false, evaluation_id: 'ev_1', status: 'COMPLETED', message: 'already done' }),
      json(200, primeEvaluationBody({ status: 'COMPLETED' })),
    );
    await expect(client().cancel('ev_1')).rejects.toBeInstanceOf(ConflictError);
    server.respond(
      json(200, primeEvaluationBody({ status: 'RUNNING' })),
      json(200, { success: false, evaluation_id: 'ev_1', status: 'RUNNING', message: 'sandbox busy' }),
      json(200, primeEvaluationBody({ status: 'RUNNING' })),
    );
    await expect(client().cancel('ev_1')).rejects.toThrow(/did not cancel evaluation ev_1: sandbox busy/);
  });

  it.each([
    ['PENDING', 'queued'],
    ['RUNNING', 'running'],
    ['PROCESSING', 'running'],
    ['COMPLETED', 'completed'],
    ['FAILED', 'failed'],
    ['TIMEOUT', 'timed_out'],
    ['CANCELLED', 'cancelled'],
    ['QUEUED_FOR_GPU', 'unknown'],
  ])('maps status %s to %s (any string accepted, PRIME-5)', async (raw, status) => {
    server.respond(json(200, primeEvaluationBody({ status: raw, error_message: raw === 'FAILED' ? 'sandbox crashed' : null })));
    const evaluation = await client().get('ev_1');
    expect(evaluation.status).toBe(status);
    if (raw === 'FAILED') expect(evaluation.errorMessage).toBe('sandbox crashed');
  });

  it('reads a GET with only the required fields (optional ones absent, PRIME-6)', async () => {
    server.respond(
      json(200, {
        evaluation_id: 'ev_1',
        name: 'n',
        status: 'RUNNING',
        eval_type: 'environment',
        total_samples: 0,
        created_at: '2026-01-01T00:00:00Z',
        updated_at: '2026-01-01T00:00:00Z',
      }),
    );
    const evaluation = await client().get('ev_1');
    expect(evaluation).toMatchObject({ id: 'ev_1', status: 'running', capabilities: { canCancel: false } });
    expect(evaluation.startedAt).toBeUndefined();
  });

  it.each([
    [{ errors: [{ param: 'eval_config.num_examples', details: 'Field required' }] }, /eval_config.num_examples: Field required/],
    [{ detail: 'Evaluation not found' }, /Evaluation not found/],
    [{ detail: [{ loc: ['body', 'name'], msg: 'field required' }] }, /name: field required/],
  ])('reads Prime error bodies {errors} and {detail} (PRIME-4): %j', async (body, message) => {
    server.respond(json(422, body));
    await expect(client().get('ev_1')).rejects.toThrow(message);
  });

  it('list de-duplicates items that shift between pages and stops at total', async () => {
    const page = (skip: number, ids: string[]) =>
      json(200, { evaluations: ids.map((id) => primeEvaluationBody({ evaluation_id: id })), total: 5, skip, limit: 2 });
    // A new evaluation pushed ev_b from page 1 to page 2.
    server.respond(page(0, ['ev_a', 'ev_b']), page(2, ['ev_b', 'ev_c']), page(4, ['ev_d']));
    const ids: string[] = [];
    for await (const evaluation of client().list({ pageSize: 2 })) ids.push(evaluation.id);
    expect(ids).toEqual(['ev_a', 'ev_b', 'ev_c', 'ev_d']);
    expect(server.requests).toHaveLength(3);
  });

  it('list stops on an empty page even when total claims more, and sends the environment filters', async () => {
    server.respond(
      json(200, { evaluations: [primeEvaluationBody({ evaluation_id: 'ev_a' })], total: 50, skip: 0, limit: 1 }),
      json(200, { evaluations: [], total: 50, skip: 1, limit: 1 }),
    );
    const ids: string[] = [];
    for await (const evaluation of client().list({ pageSize: 1, environmentId: 'env/1', environmentName: 'gsm8k' })) ids.push(evaluation.id);
    expect(ids).toEqual(['ev_a']);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/api/v1/evaluations/?skip=0&limit=1&environment_id=env%2F1&environment_name=gsm8k',
      '/api/v1/evaluations/?skip=1&limit=1&environment_id=env%2F1&environment_name=gsm8k',
    ]);
  });

  it(`list stops after ${PRIME_MAX_LIST_PAGES} pages whatever total says`, async () => {
    let next = 0;
    server.respond((_req, res) => {
      const id = `ev_${next++}`;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ evaluations: [primeEvaluationBody({ evaluation_id: id })], total: 1_000_000, skip: 0, limit: 1 }));
    });
    let count = 0;
    for await (const _evaluation of client().list({ pageSize: 1 })) count++;
    expect(count).toBe(PRIME_MAX_LIST_PAGES);
    expect(server.requests).toHaveLength(PRIME_MAX_LIST_PAGES);
  });
});
