import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigurationError, type PrimeCreateRequest } from '../../src/index.js';
import { startHarness, type EmulatorHarness } from '../support/emulator-setup.js';

let h: EmulatorHarness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.emu.close();
});

const hosted: PrimeCreateRequest = {
  provider: 'prime',
  name: 'nightly',
  isHosted: true,
  environments: [{ id: 'gsm8k' }],
  inferenceModel: 'meta/llama',
  evalConfig: { num_examples: 5, rollouts_per_example: 5 },
};

describe('listSamples against the emulator', () => {
  it('Prime: reads the pages of GET .../samples up to maxSamples and maps example_id and reward', async () => {
    const scores = Array.from({ length: 25 }, (_, i) => i / 25);
    h.emu.configure({ scores });
    const client = h.client('prime');
    const created = await client.create(hosted);
    expect((await client.listSamples!(created.id)).samples).toEqual([]);
    await client.waitForCompletion(created.id, { initialIntervalMs: 1000 });
    const list = await client.listSamples!(created.id, { maxSamples: 10 });
    expect(list.total).toBe(25);
    expect(list.truncated).toBe(true);
    expect(list.samples).toHaveLength(10);
    expect(list.samples[3]).toEqual({ id: '3', score: 3 / 25 });
    const all = await client.listSamples!(created.id, { maxSamples: 25 });
    expect(all.samples.map((sample) => sample.score)).toEqual(scores);
    expect(all.truncated).toBe(false);
    const pages = h.emu.requests.filter((request) => request.method === 'GET' && request.path.includes('/samples?'));
    expect(pages.at(-1)?.path).toMatch(/\?page=1&limit=25$/);
  });

  it('Prime: a client-driven evaluation gives back the samples as pushed, reward read before score', async () => {
    const client = h.client('prime');
    const created = await client.create({ provider: 'prime', name: 'local run' });
    await client.pushSamples(created.id, [
      {
        example_id: 7,
        reward: 0.25,
        score: 0.9,
        correct: false,
        answer: '18',
        prompt: [{ role: 'user', content: 'What is 9+9?' }],
        completion: [{ role: 'assistant', content: '<b>17</b>' }],
        format_reward: 1,
      },
      { score: 0.5 },
    ]);
    const list = await client.listSamples!(created.id);
    expect(list.samples).toEqual([
      {
        id: '7',
        score: 0.25,
        passed: false,
        input: 'user: What is 9+9?',
        output: 'assistant: <b>17</b>',
        expected: '18',
        criteria: [{ name: 'format_reward', score: 1 }],
      },
      { id: '#2', score: 0.5 },
    ]);
  });

  it('OpenAI: output items with their graders, pages of 100, bounded by maxSamples', async () => {
    h.emu.configure({ scores: Array.from({ length: 150 }, (_, i) => (i % 3 === 0 ? 0 : 1)) });
    const client = h.client('openai');
    const created = await client.create({
      provider: 'openai',
      evalId: 'eval_demo',
      name: 'nightly',
      dataSource: { type: 'jsonl', source: { type: 'file_content', content: [] } },
    });
    await client.waitForCompletion(created.id, { initialIntervalMs: 1000 });
    const before = h.emu.requests.length;
    const list = await client.listSamples!(created.id);
    expect(list.samples).toHaveLength(150);
    expect(list.truncated).toBe(false);
    expect(h.emu.requests.slice(before).filter((request) => request.path.includes('/output_items'))).toHaveLength(2);
    const first = list.samples[0]!;
    expect(first).toMatchObject({ score: 0, passed: false, output: 'assistant: simulated answer 1' });
    expect(first.criteria?.length).toBeGreaterThan(0);
    expect(first.criteria?.[0]).toMatchObject({ score: 0, passed: false });
    const bounded = await client.listSamples!(created.id, { maxSamples: 30 });
    expect(bounded.samples).toHaveLength(30);
    expect(bounded.truncated).toBe(true);
  });

  it('Nugen: the download file once completed, nothing before', async () => {
    h.emu.configure({ scores: [0.9, 0.2, 0.6] });
    const client = h.client('nugen');
    const created = await client.create({ provider: 'nugen', modelId: 'llama-3', benchmarkId: 'mmlu' });
    expect(await client.listSamples!(created.id)).toEqual({ samples: [], truncated: false });
    await client.waitForCompletion(created.id, { initialIntervalMs: 1000 });
    const list = await client.listSamples!(created.id);
    expect(list).toMatchObject({ total: 3, truncated: false });
    expect(list.samples[1]).toEqual({ id: 'q2', score: 0.2, input: 'Benchmark question 2', output: 'Model answer 2', expected: 'Expected answer 2' });
  });

  it('refuses a maxSamples out of range, naming it', async () => {
    await expect(h.client('nugen').listSamples!('x', { maxSamples: 0 })).rejects.toThrow(ConfigurationError);
    await expect(h.client('prime').listSamples!('x', { maxSamples: 20_000 })).rejects.toThrow(/maxSamples must be an integer from 1 to 10000/);
  });
});
