import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from './helpers.js';

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(async () => {
  await t.emu.close();
});

const PRIME_401 = { detail: 'Not authenticated' };
const OPENAI_401 = { error: { message: 'Incorrect API key provided', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } };

const routes: Array<[method: string, path: string, expected: unknown]> = [
  ['POST', '/api/v1/evaluations/', PRIME_401],
  ['GET', '/api/v1/evaluations/', PRIME_401],
  ['GET', '/api/v1/evaluations/x', PRIME_401],
  ['POST', '/api/v1/evaluations/x/samples', PRIME_401],
  ['POST', '/api/v1/evaluations/x/finalize', PRIME_401],
  ['PATCH', '/api/v1/hosted-evaluations/x/cancel', PRIME_401],
  ['POST', '/v1/evals', OPENAI_401],
  ['GET', '/v1/evals', OPENAI_401],
  ['GET', '/v1/evals/eval_demo', OPENAI_401],
  ['POST', '/v1/evals/eval_demo', OPENAI_401],
  ['POST', '/v1/evals/eval_demo/runs', OPENAI_401],
  ['GET', '/v1/evals/eval_demo/runs', OPENAI_401],
  ['GET', '/v1/evals/eval_demo/runs/r', OPENAI_401],
  ['POST', '/v1/evals/eval_demo/runs/r', OPENAI_401],
  ['GET', '/v1/evals/eval_demo/runs/r/output_items', OPENAI_401],
  ['POST', '/api/v3/evaluations', PRIME_401],
  ['GET', '/api/v3/evaluations', PRIME_401],
  ['GET', '/api/v3/evaluations/x/status', PRIME_401],
  ['GET', '/api/v3/evaluations/x/results', PRIME_401],
  ['DELETE', '/api/v3/evaluations/x', PRIME_401],
];

describe('Bearer key on every provider route', () => {
  it.each(routes)('%s %s answers 401 without a key and with a wrong one', async (method, path, expected) => {
    for (const key of [null, 'not-the-key']) {
      const res = await t.call(method, path, method === 'GET' || method === 'DELETE' ? undefined : {}, { key });
      expect(res.status).toBe(401);
      expect(res.body).toEqual(expected);
      expect(res.headers.get('x-request-id')).toMatch(/^req_\d+$/);
    }
  });
});

describe('unknown routes', () => {
  it('answer 404 in the provider shape, 405 for a wrong method', async () => {
    expect(await t.call('GET', '/api/v1/nothing')).toMatchObject({ status: 404, body: { detail: 'Not Found' } });
    const openai = await t.call('GET', '/v1/nothing');
    expect(openai.status).toBe(404);
    expect(openai.body.error.type).toBe('invalid_request_error');
    expect((await t.call('PUT', '/api/v3/evaluations')).status).toBe(405);
    expect((await t.call('GET', '/elsewhere')).status).toBe(404);
  });
});
