import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UnsupportedOperationError, type EvalClient, type Evaluation, type PrimeCreateRequest } from '../../src/index.js';
import { EMULATOR_KEY, startHarness, type EmulatorHarness } from '../support/emulator-setup.js';

let h: EmulatorHarness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.emu.close();
});

/** What the provider itself returns for a resource, read over HTTP the way any client would. */
async function wire(url: string): Promise<Record<string, unknown>> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${EMULATOR_KEY}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

async function finished(client: EvalClient, id: string): Promise<Evaluation> {
  return client.waitForCompletion(id, { initialIntervalMs: 1000, deadline: h.clock.now() + 600_000 });
}

const hosted: PrimeCreateRequest = {
  provider: 'prime',
  name: 'nightly gsm8k',
  teamId: 'team_ml',
  isHosted: true,
  environments: [{ id: 'gsm8k' }],
  inferenceModel: 'meta/llama',
  evalConfig: { num_examples: 7, rollouts_per_example: 2, timeout_minutes: 300, sampling_args: { temperature: 0 } },
  tags: ['evalgate'],
  metadata: { evalgate_sha: 'abc' },
};

describe('re-running a finished evaluation', () => {
  it('Prime: a finished hosted run is started again with its environment, model and eval_config, without its tags', async () => {
    const client = h.client('prime');
    const original = await client.create(hosted);
    expect(original.capabilities.canRerun).toBe(false);
    const done = await finished(client, original.id);
    expect(done.capabilities.canRerun).toBe(true);
    const [listed] = (await client.listPage()).items.filter((evaluation) => evaluation.id === original.id);
    expect(listed?.capabilities.canRerun).toBe(true);

    const request = await client.rerunRequest!(original.id);
    expect(request).toEqual({
      provider: 'prime',
      name: 'nightly gsm8k',
      isHosted: true,
      environments: [{ id: 'gsm8k' }],
      inferenceModel: 'meta/llama',
      evalConfig: (await wire(`${h.emu.baseUrls.prime}/api/v1/evaluations/${original.id}`)).eval_config,
      teamId: 'team_ml',
    });
    const again = await client.create(request);
    expect(again.id).not.toBe(original.id);
    const before = await wire(`${h.emu.baseUrls.prime}/api/v1/evaluations/${original.id}`);
    const after = await wire(`${h.emu.baseUrls.prime}/api/v1/evaluations/${again.id}`);
    for (const key of ['name', 'is_hosted', 'environment_ids', 'inference_model', 'eval_config', 'team_id']) expect(after[key], key).toEqual(before[key]);
    expect(after.metadata ?? {}).not.toHaveProperty('evalgate_sha');
    expect(after.tags ?? []).toEqual([]);
  });

  it('Prime: a running run, a client-driven one and one with custom_secrets are not offered and refused', async () => {
    const client = h.client('prime');
    const running = await client.create(hosted);
    await expect(client.rerunRequest!(running.id)).rejects.toBeInstanceOf(UnsupportedOperationError);
    const pushed = await client.create({ provider: 'prime', name: 'pushed by a script', environments: [{ id: 'gsm8k' }] });
    await client.finalize(pushed.id);
    const secret = await client.create({ ...hosted, evalConfig: { num_examples: 1, rollouts_per_example: 1, custom_secrets: { TOKEN: 'x' } } });
    const secretDone = await finished(client, secret.id);
    expect(secretDone.capabilities.canRerun).toBe(false);
    expect((await client.get(pushed.id)).capabilities.canRerun).toBe(false);
    for (const id of [pushed.id, secret.id]) {
      await expect(client.rerunRequest!(id)).rejects.toBeInstanceOf(UnsupportedOperationError);
    }
  });

  it('OpenAI: a finished run is run again on the same eval with the data_source GET returned, without its metadata', async () => {
    const client = h.client('openai');
    const dataSource = { type: 'jsonl', source: { type: 'file_content', content: [{ item: { question: 'q1' } }] } };
    const original = await client.create({ provider: 'openai', evalId: 'eval_demo', name: 'nightly', dataSource, metadata: { evalgate_sha: 'abc' } });
    await expect(client.rerunRequest!(original.id)).rejects.toBeInstanceOf(UnsupportedOperationError);
    const done = await finished(client, original.id);
    expect(done.capabilities.canRerun).toBe(true);
    const [runId] = original.id.split('/').slice(1);
    const returned = await wire(`${h.emu.baseUrls.openai}/evals/eval_demo/runs/${runId}`);
    const request = await client.rerunRequest!(original.id);
    expect(request).toEqual({ provider: 'openai', evalId: 'eval_demo', name: 'nightly', dataSource: returned.data_source });
    const again = await client.create(request);
    const after = await wire(`${h.emu.baseUrls.openai}/evals/eval_demo/runs/${again.id.split('/')[1] ?? ''}`);
    expect(after.data_source).toEqual(returned.data_source);
    expect(after.name).toBe('nightly');
    expect(after.metadata ?? {}).not.toHaveProperty('evalgate_sha');
  });

  it('Nugen: a completed evaluation listed with its model, benchmark and judge is created again, comparisons with both models', async () => {
    const client = h.client('nugen');
    const single = await client.create({ provider: 'nugen', modelId: 'llama-3', benchmarkId: 'mmlu', judgeProvider: 'openai' });
    const compared = await client.create({ provider: 'nugen', modelId: 'a', benchmarkId: 'mmlu', modelId2: 'b' });
    await finished(client, single.id);
    await finished(client, compared.id);
    // A fresh client knows only what the list says (Nugen has no get-one): the list rows carry the capability.
    const reader = h.client('nugen');
    const rows = (await reader.listPage({ pageSize: 100 })).items;
    expect(rows.find((row) => row.id === single.id)?.capabilities.canRerun).toBe(true);
    expect(rows.find((row) => row.id === compared.id)?.capabilities.canRerun).toBe(true);
    expect(await reader.rerunRequest!(single.id)).toEqual({ provider: 'nugen', modelId: 'llama-3', benchmarkId: 'mmlu', judgeProvider: 'openai' });
    expect(await reader.rerunRequest!(compared.id)).toEqual({
      provider: 'nugen',
      modelId: 'a',
      modelId2: 'b',
      benchmarkId: 'mmlu',
      judgeProvider: 'anthropic',
    });
    const again = await reader.create(await reader.rerunRequest!(single.id));
    expect(again.name).toBe('llama-3 on mmlu');
  });

  it('Nugen: a failed evaluation has no results to rebuild a comparison from, so it is neither offered nor re-run', async () => {
    h.emu.configure({ outcome: 'failed' });
    const client = h.client('nugen');
    const created = await client.create({ provider: 'nugen', modelId: 'a', benchmarkId: 'mmlu' });
    const done = await finished(client, created.id);
    expect(done.status).toBe('failed');
    expect(done.capabilities.canRerun).toBe(false);
    await expect(client.rerunRequest!(created.id)).rejects.toBeInstanceOf(UnsupportedOperationError);
  });
});
