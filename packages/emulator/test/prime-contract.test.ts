/** Every Prime operation the emulator serves, its requests and responses checked against prime-evaluations.openapi.yaml. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations, requestBodySchema, responseSchema, violations } from '@evalgate/api-specs';
import { startTestEmulator, type TestEmulator } from './helpers.js';

const SPEC = 'prime-evaluations.openapi';
let t: TestEmulator;
const exercised = new Set<string>();

beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(async () => {
  await t.emu.close();
});

/**
 * Calls `path` (concrete) as the spec's `template`; a request body must satisfy the spec's request schema and the
 * answer its response schema for the status it came with.
 */
async function call(method: string, template: string, path: string, body?: unknown, expected = 200) {
  if (body !== undefined) expect(violations(requestBodySchema(SPEC, template, method), body), `${method} ${template} request`).toBe('');
  const res = await t.call(method, path, body);
  expect(res.status, JSON.stringify(res.body)).toBe(expected);
  expect(violations(responseSchema(SPEC, template, method, res.status), res.body), `${method} ${template} ${res.status}`).toBe('');
  exercised.add(`${method} ${template}`);
  return res.body;
}

const EVAL_CONFIG = { num_examples: 4, rollouts_per_example: 2, timeout_minutes: 120, allow_sandbox_access: false, env_args: {} };

describe('Prime emulator against prime-evaluations.openapi.yaml', () => {
  it('hosted flow: create, get through the lifecycle, logs, list, cancel, models', async () => {
    t.emu.configure({ durationMs: 1000 });
    const created = await call(
      'POST',
      '/api/v1/hosted-evaluations',
      '/api/v1/hosted-evaluations',
      { environment_ids: ['gsm8k'], inference_model: 'llama', eval_config: EVAL_CONFIG, name: 'ci' },
      201,
    );
    const id = created.evaluation_id as string;
    for (const step of [0, 500, 500]) {
      t.clock.advance(step);
      await call('GET', '/api/v1/evaluations/{evaluation_id}', `/api/v1/evaluations/${id}`);
      await call('GET', '/api/v1/hosted-evaluations/{evaluation_id}/logs', `/api/v1/hosted-evaluations/${id}/logs`);
    }
    await call('GET', '/api/v1/evaluations/{evaluation_id}/samples', `/api/v1/evaluations/${id}/samples?page=1&limit=5`);
    const several = await call(
      'POST',
      '/api/v1/hosted-evaluations',
      '/api/v1/hosted-evaluations',
      { environment_ids: ['a', 'b'], inference_model: 'llama', eval_config: { num_examples: -1, rollouts_per_example: 1 } },
      201,
    );
    await call('PATCH', '/api/v1/hosted-evaluations/{evaluation_id}/cancel', `/api/v1/hosted-evaluations/${several.evaluation_id}/cancel`);
    await call('PATCH', '/api/v1/hosted-evaluations/{evaluation_id}/cancel', `/api/v1/hosted-evaluations/${several.evaluation_id}/cancel`);
    for (const outcome of ['failed', 'timeout'] as const) {
      t.emu.configure({ outcome });
      const ended = await call(
        'POST',
        '/api/v1/hosted-evaluations',
        '/api/v1/hosted-evaluations',
        { environment_ids: ['x'], inference_model: 'm', eval_config: EVAL_CONFIG },
        201,
      );
      t.clock.advance(1000);
      await call('GET', '/api/v1/evaluations/{evaluation_id}', `/api/v1/evaluations/${ended.evaluation_id}`);
    }
    await call('GET', '/api/v1/evaluations/', '/api/v1/evaluations/?skip=0&limit=100');
    await call('GET', '/api/v1/evaluations/', '/api/v1/evaluations/?environment_id=gsm8k&limit=1');
    await call('GET', '/api/v1/hosted-evaluations/models', '/api/v1/hosted-evaluations/models');
  });

  it('push flow: create, update, push, read back, finalize, delete, bulk delete', async () => {
    const created = await call(
      'POST',
      '/api/v1/evaluations/',
      '/api/v1/evaluations/',
      {
        name: 'pushed',
        environments: [{ id: 'gsm8k', version_id: 'v1' }],
        model_name: 'mine',
        tags: ['evalgate'],
        metadata: { evalgate: '1' },
      },
      201,
    );
    const id = created.evaluation_id as string;
    await call(
      'POST',
      '/api/v1/evaluations/',
      '/api/v1/evaluations/',
      { name: 'dormant', is_hosted: true, inference_model: 'llama', eval_config: EVAL_CONFIG },
      201,
    );
    await call('PUT', '/api/v1/evaluations/{evaluation_id}', `/api/v1/evaluations/${id}`, {
      description: 'from CI',
      tags: ['evalgate', 'pr'],
      is_public: false,
    });
    await call('POST', '/api/v1/evaluations/{evaluation_id}/samples', `/api/v1/evaluations/${id}/samples`, {
      samples: [
        { example_id: 0, reward: 1, score: 1 },
        { example_id: 1, reward: 0.25 },
      ],
    });
    await call('GET', '/api/v1/evaluations/{evaluation_id}', `/api/v1/evaluations/${id}`);
    await call('GET', '/api/v1/evaluations/{evaluation_id}/samples', `/api/v1/evaluations/${id}/samples`);
    const finalized = await call('POST', '/api/v1/evaluations/{evaluation_id}/finalize', `/api/v1/evaluations/${id}/finalize`, { metrics: { reward: 0.625 } });
    expect(finalized).toMatchObject({ avg_score: 0.625, min_score: 0.25, max_score: 1 });
    await call('GET', '/api/v1/evaluations/{evaluation_id}', `/api/v1/evaluations/${id}`);
    await call('DELETE', '/api/v1/evaluations/{evaluation_id}', `/api/v1/evaluations/${id}`);
    const other = await call('POST', '/api/v1/evaluations/', '/api/v1/evaluations/', { name: 'other' }, 201);
    await call('POST', '/api/v1/evaluations/bulk-delete', '/api/v1/evaluations/bulk-delete', { evaluation_ids: [other.evaluation_id, id] });
  });

  it('422 bodies are ErrorResponse for bodies and queries the spec rejects', async () => {
    const badCreate = { name: 'x', eval_config: { num_examples: 1 } };
    expect(violations(requestBodySchema(SPEC, '/api/v1/evaluations/', 'post'), badCreate)).not.toBe('');
    const res = await t.call('POST', '/api/v1/evaluations/', badCreate);
    expect(res.status).toBe(422);
    expect(violations(responseSchema(SPEC, '/api/v1/evaluations/', 'post', 422), res.body)).toBe('');
    const list = await t.call('GET', '/api/v1/evaluations/?limit=500');
    expect(list.status).toBe(422);
    expect(violations(responseSchema(SPEC, '/api/v1/evaluations/', 'get', 422), list.body)).toBe('');
    const hosted = await t.call('POST', '/api/v1/hosted-evaluations', { environment_ids: [], inference_model: 'm', eval_config: EVAL_CONFIG });
    expect(hosted.status).toBe(422);
    expect(violations(responseSchema(SPEC, '/api/v1/hosted-evaluations', 'post', 422), hosted.body)).toBe('');
  });

  it('every evaluation operation of the spec was exercised (only the CLI feedback route is not served)', () => {
    const all = [...operations(SPEC).keys()].filter((operation) => operation !== 'POST /api/v1/feedback');
    expect(all.filter((operation) => !exercised.has(operation))).toEqual([]);
  });
});
