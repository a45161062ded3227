/**
 * Every OpenAI Evals operation of openai-evals.emulator.openapi.yaml, called on the emulator with request bodies that
 * themselves conform to the spec (structured messages, QUIRKS OPENAI-14), and every response validated against the
 * operation's response schema. The only allowance is the OPENAI-3 nulls, replaced by withoutKnownNulls and asserted
 * one by one; error bodies are checked against ErrorResponse (the wrapped form the SDK reads, OPENAI-6).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { componentSchema, operations, requestBodySchema, responseSchema, violations, withoutKnownNulls } from '@evalgate/api-specs';
import { startTestEmulator, type CallResult, type TestEmulator } from './helpers.js';

const SPEC = 'openai-evals.emulator.openapi';
let t: TestEmulator;
const covered = new Set<string>();

beforeAll(async () => {
  t = await startTestEmulator({ sampleCount: 3 });
});
afterAll(async () => {
  await t.emu.close();
});

/**
 * Sends `body` (checked against the request schema first) to the operation `method specPath`, and checks the answer
 * against the response schema for `status`. Returns the response and the OPENAI-3 nulls that had to be stood in for.
 */
async function call(
  method: string,
  specPath: string,
  params: Record<string, string>,
  options: { body?: unknown; query?: string; status?: number } = {},
): Promise<CallResult & { nulls: string[] }> {
  const operation = `${method} ${specPath}`;
  expect(operations(SPEC).has(operation), operation).toBe(true);
  if (options.body !== undefined) expect(violations(requestBodySchema(SPEC, specPath, method), options.body)).toBe('');
  const path = specPath.replace(/\{(\w+)\}/g, (_whole, name: string) => encodeURIComponent(params[name] ?? ''));
  const res = await t.call(method, `/v1${path}${options.query ? `?${options.query}` : ''}`, options.body);
  const status = options.status ?? (method === 'POST' && ['/evals', '/evals/{eval_id}/runs'].includes(specPath) ? 201 : 200);
  expect(res.status, `${operation} → ${JSON.stringify(res.body)}`).toBe(status);
  const { body, nulls } = withoutKnownNulls(res.body);
  expect(violations(responseSchema(SPEC, specPath, method, status), body), operation).toBe('');
  covered.add(operation);
  return { ...res, nulls };
}

const structured = (role: string, text: string) => ({ type: 'message', role, content: { type: 'input_text', text } });

const createEvalBody = {
  name: 'Headlines',
  metadata: { team: 'ml' },
  data_source_config: {
    type: 'custom',
    item_schema: { type: 'object', properties: { input: { type: 'string' }, expected: { type: 'string' } }, required: ['input', 'expected'] },
    include_sample_schema: true,
  },
  testing_criteria: [
    { type: 'string_check', name: 'Exact', input: '{{sample.output_text}}', reference: '{{item.expected}}', operation: 'eq' },
    {
      type: 'label_model',
      name: 'Label',
      model: 'o3-mini',
      input: [structured('developer', 'Label the answer.'), structured('user', '{{sample.output_text}}')],
      labels: ['correct', 'incorrect'],
      passing_labels: ['correct'],
    },
    {
      type: 'text_similarity',
      name: 'Similar',
      input: '{{sample.output_text}}',
      reference: '{{item.expected}}',
      evaluation_metric: 'fuzzy_match',
      pass_threshold: 0.8,
    },
    { type: 'python', name: 'Py', source: 'def grade(sample, item):\n    return 1.0', pass_threshold: 0.5 },
    { type: 'score_model', name: 'Score', model: 'o3-mini', input: [structured('user', 'Score {{sample.output_text}}')], range: [0, 1] },
  ],
};

const createRunBody = {
  name: 'nightly',
  metadata: { branch: 'main' },
  data_source: {
    type: 'completions',
    model: 'gpt-4o-mini',
    source: { type: 'file_content', content: [{ item: { input: 'Stocks rally', expected: 'Markets' } }] },
    input_messages: { type: 'template', template: [structured('developer', 'Categorize.'), structured('user', '{{item.input}}')] },
    sampling_params: { seed: 42, temperature: 1, top_p: 1, max_completion_tokens: 2048 },
  },
};

describe('OpenAI Evals contract (emulator responses vs openai-evals.emulator.openapi.yaml)', () => {
  let evalId = '';
  let runId = '';

  it('createEval, getEval, updateEval, listEvals', async () => {
    const created = await call('POST', '/evals', {}, { body: createEvalBody });
    evalId = created.body.id;
    await call('GET', '/evals/{eval_id}', { eval_id: evalId });
    await call('POST', '/evals/{eval_id}', { eval_id: evalId }, { body: { name: 'Renamed', metadata: null } });
    const listed = await call('GET', '/evals', {}, { query: 'limit=1&order=desc&order_by=updated_at' });
    expect(listed.body.data[0].id).toBe(evalId);
  });

  it('createEvalRun, getEvalRun, getEvalRuns: queued runs carry exactly the documented nulls', async () => {
    const created = await call('POST', '/evals/{eval_id}/runs', { eval_id: evalId }, { body: createRunBody });
    runId = created.body.id;
    expect(created.nulls.sort()).toEqual(['error', 'per_model_usage', 'per_testing_criteria_results']);
    const listed = await call('GET', '/evals/{eval_id}/runs', { eval_id: evalId }, { query: 'limit=5&order=asc' });
    expect(listed.nulls.sort()).toEqual(['data.0.error', 'data.0.per_model_usage', 'data.0.per_testing_criteria_results']);
    t.clock.advance(1000);
    const done = await call('GET', '/evals/{eval_id}/runs/{run_id}', { eval_id: evalId, run_id: runId });
    expect(done.body.status).toBe('completed');
    expect(done.nulls).toEqual(['error']);
  });

  it('getEvalRunOutputItems, getEvalRunOutputItem: sample.error is the only null', async () => {
    const items = await call('GET', '/evals/{eval_id}/runs/{run_id}/output_items', { eval_id: evalId, run_id: runId }, { query: 'limit=2' });
    expect(items.body.data).toHaveLength(2);
    expect(items.nulls).toEqual(['data.0.sample.error', 'data.1.sample.error']);
    const item = await call('GET', '/evals/{eval_id}/runs/{run_id}/output_items/{output_item_id}', {
      eval_id: evalId,
      run_id: runId,
      output_item_id: items.body.data[0].id,
    });
    expect(item.nulls).toEqual(['sample.error']);
  });

  it("cancelEvalRun on both paths, with a failed run's error object validated as it is", async () => {
    const running = await call('POST', '/evals/{eval_id}/runs', { eval_id: evalId }, { body: createRunBody });
    const bare = await call('POST', '/evals/{eval_id}/runs/{run_id}', { eval_id: evalId, run_id: running.body.id });
    expect(bare.body.status).toBe('canceled');
    const another = await call('POST', '/evals/{eval_id}/runs', { eval_id: evalId }, { body: createRunBody });
    t.clock.advance(500);
    const suffixed = await call('POST', '/evals/{eval_id}/runs/{run_id}/cancel', { eval_id: evalId, run_id: another.body.id });
    expect(suffixed.body.status).toBe('canceled');
    expect(suffixed.nulls).toEqual(['error']);

    t.emu.configure({ outcome: 'failed' });
    const failing = await call('POST', '/evals/{eval_id}/runs', { eval_id: evalId }, { body: createRunBody });
    t.clock.advance(1000);
    const failed = await call('GET', '/evals/{eval_id}/runs/{run_id}', { eval_id: evalId, run_id: failing.body.id });
    expect(failed.body.status).toBe('failed');
    expect(failed.nulls).toEqual([]);
    t.emu.configure({ outcome: 'completed' });
  });

  it('deleteEvalRun, deleteEval, and their 404s in the wrapped error shape', async () => {
    await call('DELETE', '/evals/{eval_id}/runs/{run_id}', { eval_id: evalId, run_id: runId });
    const again = await t.call('DELETE', `/v1/evals/${evalId}/runs/${runId}`);
    expect(again.status).toBe(404);
    // The spec's 404 schema is the bare Error (OPENAI-6); the emulator sends the {error: Error} the SDK reads.
    expect(violations(componentSchema(SPEC, 'ErrorResponse'), again.body)).toBe('');
    await call('DELETE', '/evals/{eval_id}', { eval_id: evalId });
    expect(violations(componentSchema(SPEC, 'ErrorResponse'), (await t.call('DELETE', `/v1/evals/${evalId}`)).body)).toBe('');
  });

  it('a 400 on create run is the wrapped error, and the plain-message body it accepts is the OPENAI-14 false positive', async () => {
    const plain = {
      data_source: { ...createRunBody.data_source, input_messages: { type: 'template', template: [{ role: 'user', content: '{{item.input}}' }] } },
    };
    // Strict oneOf rejects a plain message (it matches both branches); the API, and so the emulator, accepts it.
    expect(violations(requestBodySchema(SPEC, '/evals/{eval_id}/runs', 'post'), plain)).toMatch(/must match exactly one schema in oneOf/);
    expect((await t.call('POST', '/v1/evals/eval_demo/runs', plain)).status).toBe(201);
    const bad = await t.call('POST', '/v1/evals/eval_demo/runs', { data_source: { type: 'csv' } });
    expect(bad.status).toBe(400);
    expect(violations(componentSchema(SPEC, 'ErrorResponse'), bad.body)).toBe('');
  });

  it('covered every operation of the spec', () => {
    expect([...covered].sort()).toEqual([...operations(SPEC).keys()].sort());
  });
});
