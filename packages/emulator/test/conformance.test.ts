/** The emulator's responses (and this test's requests) against the authoritative OpenAPI parts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { componentSchema, requestBodySchema, violations } from '@evalgate/api-specs';
import { startTestEmulator, type TestEmulator } from './helpers.js';

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(async () => {
  await t.emu.close();
});

/** Sends a request whose body must itself conform to the request schema. */
async function send(requestSchema: ReturnType<typeof componentSchema>, method: string, path: string, body: unknown) {
  expect(violations(requestSchema, body)).toBe('');
  return t.call(method, path, body);
}

describe('Prime create (prime-create-evaluation.yaml)', () => {
  const request = componentSchema('prime-create-evaluation', 'CreateEvaluationRequest');
  const created = componentSchema('prime-create-evaluation', 'CreateEvaluationResponse');
  const error = componentSchema('prime-create-evaluation', 'ErrorResponse');

  it('201 bodies match CreateEvaluationResponse for minimal, hosted and suite requests', async () => {
    const bodies = [
      { name: 'minimal' },
      {
        name: 'hosted',
        is_hosted: true,
        environments: [{ id: 'env-1', version_id: null }],
        inference_model: 'meta/llama',
        eval_config: { num_examples: -1, rollouts_per_example: 2, timeout_minutes: 120 },
        tags: ['ci'],
        metadata: { pr: 7 },
      },
      { name: 'suite', suite_id: 'suite-1', team_id: null },
    ];
    for (const body of bodies) {
      const res = await send(request, 'POST', '/api/v1/evaluations/', body);
      expect(res.status).toBe(201);
      expect(violations(created, res.body)).toBe('');
    }
  });

  it('422 bodies match ErrorResponse', async () => {
    const res = await t.call('POST', '/api/v1/evaluations/', { name: 42, eval_config: { num_examples: 'all' } });
    expect(violations(request, { name: 42 })).not.toBe('');
    expect(res.status).toBe(422);
    expect(violations(error, res.body)).toBe('');
  });
});

describe('Prime finalize (prime-finalize-evaluation.yaml)', () => {
  const request = requestBodySchema('prime-finalize-evaluation', '/api/v1/evaluations/{evaluation_id}/finalize', 'post');
  const finalized = componentSchema('prime-finalize-evaluation', 'FinalizeEvaluationResponse');

  it('200 bodies match FinalizeEvaluationResponse, with and without samples and metrics', async () => {
    const withSamples = (await t.call('POST', '/api/v1/evaluations/', { name: 'pushed' })).body.evaluation_id;
    await t.call('POST', `/api/v1/evaluations/${withSamples}/samples`, { samples: [{ score: 0.5 }, { score: 1 }] });
    const empty = (await t.call('POST', '/api/v1/evaluations/', { name: 'empty' })).body.evaluation_id;
    for (const [id, body] of [
      [withSamples, { metrics: { accuracy: 0.75 } }],
      [empty, null],
      [withSamples, { metrics: null }],
    ] as const) {
      const res = await send(request, 'POST', `/api/v1/evaluations/${id}/finalize`, body);
      expect(res.status).toBe(200);
      expect(violations(finalized, res.body)).toBe('');
    }
  });
});

describe('Nugen create (nugen-create-evaluation.yaml)', () => {
  const request = componentSchema('nugen-create-evaluation', 'CreateEvaluationRequest');
  const created = componentSchema('nugen-create-evaluation', 'EvaluationResponse');
  const error = componentSchema('nugen-create-evaluation', 'HTTPValidationError');

  it('200 bodies match EvaluationResponse', async () => {
    for (const body of [
      { model_id: 'model-a', benchmark_id: 'bench-1' },
      { model_id: 'model-a', benchmark_id: 'bench-1', model_id_2: 'model-b', custom_metrics: { tone: { weight: 1 } } },
      { model_id: 'model-a', benchmark_id: 'bench-1', model_id_2: null, custom_metrics: null },
    ]) {
      const res = await send(request, 'POST', '/api/v3/evaluations', body);
      expect(res.status).toBe(200);
      expect(violations(created, res.body)).toBe('');
    }
  });

  it('422 bodies match HTTPValidationError', async () => {
    const body = { model_id: 7, custom_metrics: ['accuracy'] };
    expect(violations(request, body)).not.toBe('');
    const res = await t.call('POST', '/api/v3/evaluations', body);
    expect(res.status).toBe(422);
    expect(violations(error, res.body)).toBe('');
  });
});
