import type { Emulator } from '@evalgate/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { PROVIDER_NAMES } from '@evalgate/core';
import { buildCreateRequest, startFields } from '../../src/logic/start/start-form.js';
import { API_KEY, emulatorConnection, startTestEmulator, storeFor } from './helpers/emulator.js';

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe('buildCreateRequest', () => {
  it('Prime: a hosted run with the complete eval_config, defaults as in the Action', () => {
    expect(
      buildCreateRequest('prime', {
        name: 'nightly',
        environments: 'gsm8k',
        'inference-model': 'meta/llama',
        'eval-config': '{"sampling_args": {"temperature": 0}, "num_examples": 99}',
      }),
    ).toEqual({
      request: {
        provider: 'prime',
        name: 'nightly',
        isHosted: true,
        environments: [{ id: 'gsm8k' }],
        inferenceModel: 'meta/llama',
        evalConfig: { sampling_args: { temperature: 0 }, num_examples: 5, rollouts_per_example: 3, timeout_minutes: 120 },
      },
    });
  });

  it('OpenAI and Nugen: the Action inputs mapped onto core requests', () => {
    expect(buildCreateRequest('openai', { 'eval-id': 'eval_1', 'data-source': '{"type": "jsonl"}' })).toEqual({
      request: { provider: 'openai', evalId: 'eval_1', dataSource: { type: 'jsonl' } },
    });
    expect(buildCreateRequest('nugen', { 'model-id': 'm', 'benchmark-id': 'b', 'baseline-model-id': 'm2' })).toEqual({
      request: { provider: 'nugen', modelId: 'm', benchmarkId: 'b', modelId2: 'm2' },
    });
  });

  it('names every bad input and how to fix it', () => {
    const result = buildCreateRequest('prime', {
      name: ' ',
      environments: 'a,b',
      'inference-model': 'x',
      'num-examples': '0',
      'rollouts-per-example': '5000',
      'hosted-timeout-minutes': '60',
      'eval-config': '[1]',
      'model-id': 'm',
    });
    expect(result).toEqual({
      problems: [
        'model-id: not an input of prime (expected name, environments, inference-model, num-examples, rollouts-per-example, hosted-timeout-minutes, eval-config)',
        'name: name is required',
        'environments: one environment id, without a version or comma',
        'num-examples: must be 1 or more, or -1 for all',
        'rollouts-per-example: must be a whole number from 1 to 2048',
        'hosted-timeout-minutes: must be a whole number from 120 to 1440',
        'eval-config: eval-config must be a JSON object ({…})',
      ],
    });
    expect(buildCreateRequest('openai', { 'eval-id': 'e', 'data-source': '{oops' })).toMatchObject({
      problems: [expect.stringMatching(/^data-source: data-source is not valid JSON/)],
    });
    expect(buildCreateRequest('nugen', 'nope')).toEqual({ problems: ['answers must be an object of strings, keyed by input name (e.g. {"model-id": "…"})'] });
  });

  it('asks exactly the Action inputs of each provider', () => {
    expect(Object.fromEntries(PROVIDER_NAMES.map((provider) => [provider, startFields(provider).map((field) => field.input)]))).toEqual({
      prime: ['name', 'environments', 'inference-model', 'num-examples', 'rollouts-per-example', 'hosted-timeout-minutes', 'eval-config'],
      openai: ['eval-id', 'name', 'data-source'],
      nugen: ['model-id', 'benchmark-id', 'baseline-model-id'],
    });
  });
});

describe('starting against the emulator', () => {
  it.each([
    ['prime', { name: 'from-the-editor', environments: 'gsm8k', 'inference-model': 'meta/llama' }],
    ['nugen', { 'model-id': 'llama-3', 'benchmark-id': 'mmlu' }],
  ] as const)('%s: the created evaluation appears at the top of the loaded list', async (provider, answers) => {
    emulator = await startTestEmulator();
    const connection = emulatorConnection(emulator, provider);
    const store = storeFor();
    store.setConnections([{ connection, apiKey: API_KEY }]);
    await store.ensureTopListsLoaded();
    const built = buildCreateRequest(provider, answers);
    if (!('request' in built)) throw new Error(built.problems.join('; '));
    const created = await store.clientFor(connection.id)!.create(built.request);
    await store.refreshHeads();
    expect(store.evaluations({ connectionId: connection.id })?.items[0]?.id).toBe(created.id);
  });
});
