/**
 * Every request core's OpenAI client sends, and every answer it reads, checked against openai-evals.emulator.openapi.yaml:
 * core talks to the emulator through a recording node:http proxy. Request bodies must pass the request schemas as they
 * are (core sends the structured EvalItem form, QUIRKS OPENAI-14); responses pass their schemas once the OPENAI-3 nulls
 * are stood in for, and those nulls are asserted on their own.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { componentSchema, requestBodySchema, responseSchema, violations, withoutKnownNulls } from '@evalgate/api-specs';
import { createClient, type EvalClient, type OpenAICreateRequest } from '../../src/index.js';
import { EMULATOR_KEY, startHarness, type EmulatorHarness } from '../support/emulator-setup.js';
import { OPENAI_SPEC, queryProblems, specOperation } from '../support/openai-operations.js';
import { startRecordingProxy, type RecordingProxy } from '../support/recording-proxy.js';

let h: EmulatorHarness;
let proxy: RecordingProxy;
beforeEach(async () => {
  h = await startHarness({ durationMs: 10_000, sampleCount: 3 });
  proxy = await startRecordingProxy(h.emu.url);
});
afterEach(async () => {
  await proxy.close();
  await h.emu.close();
});

const client = (): EvalClient =>
  createClient({ provider: 'openai', apiKey: EMULATOR_KEY, baseUrl: `${proxy.url}/v1`, now: h.clock.now, sleep: h.clock.sleep, random: () => 0.5 });

const request: OpenAICreateRequest = {
  provider: 'openai',
  evalId: 'eval_demo',
  name: 'contract',
  metadata: { branch: 'main' },
  dataSource: {
    type: 'completions',
    model: 'gpt-4o-mini',
    source: { type: 'file_content', content: [{ item: { input: 'Stocks rally', expected: 'Markets' } }] },
    // Plain messages and the examples' spelling: core must put both right before sending.
    input_messages: {
      type: 'template',
      template: [
        { role: 'developer', content: 'Categorize.' },
        { role: 'user', content: '{{item.input}}' },
      ],
    },
    sampling_params: { temperature: 1, max_completions_tokens: 64 },
  },
};

/** Checks every recorded exchange and returns the operations seen and every null stood in for, per operation. */
function checkExchanges(): { operations: Set<string>; nulls: Map<string, Set<string>> } {
  const seen = new Set<string>();
  const nulls = new Map<string, Set<string>>();
  expect(proxy.exchanges.length).toBeGreaterThan(0);
  for (const exchange of proxy.exchanges) {
    const match = specOperation(exchange.method, exchange.url);
    expect(match, `${exchange.method} ${exchange.url} is an operation of the spec`).toBeDefined();
    const { operation, specPath } = match!;
    seen.add(operation);
    expect(queryProblems(exchange.method, specPath, exchange.url), exchange.url).toEqual([]);
    if (exchange.requestBody !== undefined) {
      expect(violations(requestBodySchema(OPENAI_SPEC, specPath, exchange.method), exchange.requestBody), operation).toBe('');
    }
    if (exchange.status >= 400) {
      expect(violations(componentSchema(OPENAI_SPEC, 'ErrorResponse'), exchange.responseBody), operation).toBe('');
      continue;
    }
    const { body, nulls: found } = withoutKnownNulls(exchange.responseBody);
    expect(violations(responseSchema(OPENAI_SPEC, specPath, exchange.method, exchange.status), body), operation).toBe('');
    const entry = nulls.get(operation) ?? new Set<string>();
    for (const path of found) entry.add(path.replace(/^data\.\d+\./, 'data.*.'));
    nulls.set(operation, entry);
  }
  return { operations: seen, nulls };
}

describe('core OpenAI requests and the answers it reads vs the spec', () => {
  it('create, wait (get + output items), list runs, list groups, list all and cancel', async () => {
    const c = client();
    const created = await c.create(request);
    await c.waitForCompletion(created.id, { initialIntervalMs: 1000 });
    await c.listGroups!({ pageSize: 5 });
    for await (const evaluation of c.list({ pageSize: 2 })) expect(evaluation.provider).toBe('openai');
    for await (const evaluation of c.list({ evalId: 'eval_demo', pageSize: 1 })) expect(evaluation.provider).toBe('openai');
    const toCancel = await c.create(request);
    await c.cancel(toCancel.id);

    const { operations, nulls } = checkExchanges();
    expect([...operations].sort()).toEqual(
      [
        'GET /evals',
        'GET /evals/{eval_id}/runs',
        'GET /evals/{eval_id}/runs/{run_id}',
        'GET /evals/{eval_id}/runs/{run_id}/output_items',
        'POST /evals/{eval_id}/runs',
        'POST /evals/{eval_id}/runs/{run_id}/cancel',
      ].sort(),
    );
    // OPENAI-3, explicitly: a queued run has all three nulls; runs in lists and polls have at least `error: null`.
    expect([...(nulls.get('POST /evals/{eval_id}/runs') ?? [])].sort()).toEqual(['error', 'per_model_usage', 'per_testing_criteria_results']);
    expect(nulls.get('GET /evals/{eval_id}/runs/{run_id}')).toContain('error');
    // The cancelled run has no output items yet: its empty page has null first_id/last_id (the emulator's choice).
    expect(nulls.get('GET /evals/{eval_id}/runs/{run_id}/output_items')).toEqual(new Set(['data.*.sample.error', 'first_id', 'last_id']));
    // Asking for the eval after the last one gives the empty page; evals themselves have no null stand-ins.
    expect(nulls.get('GET /evals')).toEqual(new Set(['first_id', 'last_id']));
    // The body core sent is the structured form with the schema's spelling.
    const sent = proxy.exchanges.find((exchange) => exchange.method === 'POST' && /\/runs$/.test(exchange.url))?.requestBody as {
      data_source: Record<string, unknown>;
    };
    expect(sent.data_source.sampling_params).toEqual({ temperature: 1, max_completion_tokens: 64 });
  });

  it('cancel against a server with only the bare path: /cancel 404, then the bare POST, both in the spec', async () => {
    h.emu.configure({ openaiCancelPaths: 'bare' });
    const c = client();
    const first = await c.create(request);
    const second = await c.create(request);
    expect((await c.cancel(first.id)).status).toBe('cancelled');
    expect((await c.cancel(second.id)).status).toBe('cancelled');
    const { operations } = checkExchanges();
    expect(operations).toContain('POST /evals/{eval_id}/runs/{run_id}');
    const cancels = proxy.exchanges.filter((exchange) => exchange.method === 'POST' && !/\/runs$/.test(exchange.url));
    expect(cancels.map((exchange) => [exchange.url.replace(/evalrun_\w+/, 'RUN'), exchange.status])).toEqual([
      ['/v1/evals/eval_demo/runs/RUN/cancel', 404],
      ['/v1/evals/eval_demo/runs/RUN', 200],
      ['/v1/evals/eval_demo/runs/RUN', 200],
    ]);
    expect(h.emu.evaluations('openai').map((evaluation) => evaluation.status)).toEqual(['canceled', 'canceled']);
  });
});
