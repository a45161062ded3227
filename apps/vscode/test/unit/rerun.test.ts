import { startEmulator, type Emulator } from '@evalgate/emulator';
import type { Evaluation, PrimeCreateRequest } from '@evalgate/core';
import { afterEach, describe, expect, it } from 'vitest';
import { isRerunnable, RERUN_DIALOG, rerunQuestion } from '../../src/logic/rerun/rerun-question.js';
import { evaluationNode } from '../../src/logic/tree-model.js';
import { API_KEY, emulatorConnection, storeFor } from './helpers/emulator.js';

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

/** An emulator whose clock the test moves: seeded evaluations finish when the test says, without waiting. */
async function emulatorWithClock(): Promise<{ emulator: Emulator; advance: (ms: number) => void }> {
  let offsetMs = 0;
  const started = await startEmulator({ port: 0, apiKey: API_KEY, seed: 5, durationMs: 60_000, sampleCount: 5, now: () => Date.now() + offsetMs });
  return { emulator: started, advance: (ms) => (offsetMs += ms) };
}

const words = (evaluation: Evaluation) => evaluationNode({ connectionId: 'c' }, evaluation).contextValue.split(' ');

describe('Re-run: offered on finished rows the provider can rebuild, and the new evaluation shows at the top', () => {
  for (const provider of ['prime', 'openai', 'nugen'] as const) {
    it(`${provider}: finished rows are rerunnable, a running one is not; the re-run starts a new evaluation with the same parameters`, async () => {
      const started = await emulatorWithClock();
      emulator = started.emulator;
      emulator.seed(provider, 1);
      started.advance(2 * 60 * 60_000);
      emulator.seed(provider, 1); // still running
      const connection = emulatorConnection(emulator, provider);
      const store = storeFor();
      store.setConnections([{ connection, apiKey: API_KEY }]);
      await store.ensureTopListsLoaded();
      for (const group of store.groups(connection.id)?.items ?? []) await store.ensureLoaded({ connectionId: connection.id, groupId: group.id });
      await store.inFlight.whenIdle();

      const rows = store.allEvaluations().map(({ evaluation }) => evaluation);
      const finished = rows.find((row) => row.status === 'completed');
      const running = rows.find((row) => row.status !== 'completed');
      expect(finished, 'a finished row').toBeDefined();
      expect(running, 'a running row').toBeDefined();
      expect(words(finished!)).toContain('rerunnable');
      expect(words(running!)).not.toContain('rerunnable');

      const client = store.clientFor(connection.id)!;
      const request = await client.rerunRequest!(finished!.id);
      expect(request.provider).toBe(provider);
      const question = rerunQuestion(finished!.name, request);
      expect(question.message).toBe(`Re-run evaluation "${finished!.name}"?`);
      expect(question.detail).toContain(`A new ${provider} evaluation starts with the same parameters`);

      const created = await client.create(request);
      await store.refreshHeads();
      const list = created.id.includes('/')
        ? store.evaluations({ connectionId: connection.id, groupId: created.id.split('/')[0]! })
        : store.evaluations({ connectionId: connection.id });
      expect(list?.items[0]?.id).toBe(created.id);
      expect(isRerunnable(list!.items[0]!)).toBe(false);
      if (provider !== 'openai') expect(list?.items[0]?.name).toBe(finished!.name);
    });
  }

  it('the dialog names what is evaluated and nothing an eval_config may hide (headers, secrets)', () => {
    const request: PrimeCreateRequest = {
      provider: 'prime',
      name: 'nightly',
      isHosted: true,
      environments: [{ id: 'gsm8k' }],
      inferenceModel: 'meta/llama',
      evalConfig: { num_examples: -1, rollouts_per_example: 3, timeout_minutes: 240, headers: ['Authorization: Bearer sk-do-not-show'], api_key_var: 'MY_KEY' },
    };
    const { detail } = rerunQuestion('nightly', request);
    expect(detail).toBe(
      'A new prime evaluation starts with the same parameters: environment gsm8k, model meta/llama, all examples × 3 rollouts, timeout 240 min.',
    );
    expect(rerunQuestion('n', { provider: 'openai', evalId: 'eval_1', dataSource: { type: 'completions', model: 'gpt-4o-mini' } }).detail).toBe(
      'A new openai evaluation starts with the same parameters: eval eval_1, completions data source, model gpt-4o-mini.',
    );
    expect(rerunQuestion('n', { provider: 'nugen', modelId: 'a', modelId2: 'b', benchmarkId: 'mmlu', judgeProvider: 'openai' }).detail).toMatch(
      /^A new nugen evaluation starts with the same parameters: models a vs b on benchmark mmlu, judge openai \(custom metrics/,
    );
    // The close affordance starts nothing; the confirming button says what it does.
    expect(Object.values(RERUN_DIALOG)).toEqual(['Re-run', 'Close']);
  });

  it('a row whose provider cannot rebuild it (no canRerun) or that has not finished is not offered', () => {
    const base: Evaluation = {
      provider: 'prime',
      id: 'p',
      name: 'p',
      status: 'completed',
      rawStatus: 'COMPLETED',
      capabilities: { canCancel: false, canFinalize: false },
    };
    expect(isRerunnable(base)).toBe(false);
    expect(isRerunnable({ ...base, capabilities: { ...base.capabilities, canRerun: true } })).toBe(true);
    expect(isRerunnable({ ...base, status: 'running', capabilities: { ...base.capabilities, canRerun: true } })).toBe(false);
  });
});
