/** Every Nugen answer of the emulator against the pack's nugen-evaluations.openapi.yaml, in both status vocabularies. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { operations, requestBodySchema, responseSchema, violations } from '@evalgate/api-specs';
import { startTestEmulator, type TestEmulator } from './helpers.js';

const FILE = 'nugen-evaluations.openapi';
const EVALUATIONS = '/api/v3/evaluations';
const ONE = '/api/v3/evaluations/{evaluation_id}';

let t: TestEmulator;
/** `METHOD template` of every operation a test exercised, to compare with the spec's list. */
const exercised = new Set<string>();
beforeEach(async () => {
  t = await startTestEmulator();
});
afterEach(async () => {
  await t.emu.close();
});

/** Calls the emulator and checks the answer against the documented response of `template`. */
async function checked(method: string, path: string, template: string, body?: unknown) {
  if (body !== undefined && method === 'POST') expect(violations(requestBodySchema(FILE, template, method), body)).toBe('');
  const res = await t.call(method, path, body);
  exercised.add(`${method} ${template}`);
  expect(violations(responseSchema(FILE, template, method, res.status), res.body), `${method} ${path} → ${res.status}`).toBe('');
  return res;
}

describe.each(['upper', 'lower'] as const)('Nugen emulator answers match the spec (%s-case statuses)', (statusCase) => {
  beforeEach(() => t.emu.configure({ nugenStatusCase: statusCase, scores: [0.25, 0.5, 1] }));

  it('create (both paths), status, results, download, list and delete, single and comparison mode', async () => {
    const single = (await checked('POST', EVALUATIONS, EVALUATIONS, { model_id: 'a', benchmark_id: 'b', custom_metrics: { metrics: ['f1'] } })).body
      .evaluation_id;
    const compare = (await checked('POST', `${EVALUATIONS}/`, EVALUATIONS, { model_id: 'a', benchmark_id: 'b', model_id_2: 'c', judge_provider: 'openai' }))
      .body.evaluation_id;
    t.emu.configure({ outcome: 'failed' });
    const failing = (await checked('POST', EVALUATIONS, EVALUATIONS, { model_id: 'a', benchmark_id: 'b' })).body.evaluation_id;
    // Running: status and a list whose items have no metrics yet.
    for (const id of [single, compare, failing]) await checked('GET', `${EVALUATIONS}/${id}/status`, `${ONE}/status`);
    t.clock.advance(500);
    await checked('GET', `${EVALUATIONS}/${single}/status`, `${ONE}/status`);
    await checked('GET', `${EVALUATIONS}?limit=2&offset=0`, EVALUATIONS);
    t.clock.advance(500);
    for (const id of [single, compare, failing]) await checked('GET', `${EVALUATIONS}/${id}/status`, `${ONE}/status`);
    for (const id of [single, compare]) {
      const results = await checked('GET', `${EVALUATIONS}/${id}/results`, `${ONE}/results`);
      expect(results.status).toBe(200);
      const download = await checked('GET', `${EVALUATIONS}/${id}/download`, `${ONE}/download`);
      expect(download.status).toBe(200);
    }
    const list = await checked('GET', `${EVALUATIONS}?status=${statusCase === 'upper' ? 'READY' : 'completed'}`, EVALUATIONS);
    expect(list.body.total).toBe(2);
    const deleted = await checked('DELETE', `${EVALUATIONS}/${single}`, ONE);
    expect(deleted.status).toBe(200);
    const documented = [...operations(FILE).keys()].filter((key) => key.includes('/evaluations'));
    expect([...exercised].sort()).toEqual(documented.sort());
  });

  it('422 bodies are HTTPValidationError for create and list', async () => {
    const create = await checked('POST', EVALUATIONS, EVALUATIONS, undefined);
    expect(create.status).toBe(422);
    const bad = await t.call('POST', EVALUATIONS, { model_id: 7 });
    expect(bad.status).toBe(422);
    expect(violations(responseSchema(FILE, EVALUATIONS, 'POST', 422), bad.body)).toBe('');
    const list = await checked('GET', `${EVALUATIONS}?limit=500`, EVALUATIONS);
    expect(list.status).toBe(422);
  });
});
