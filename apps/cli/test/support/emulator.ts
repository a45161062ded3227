import { createClient, type Evaluation, type ProviderName } from '@evalgate/core';
import { startEmulator, type Emulator } from '@evalgate/emulator';

export const API_KEY = 'cli-test-key-9d2c7e';

export async function startTestEmulator(options: { durationMs?: number; scores?: number[] } = {}): Promise<Emulator> {
  const emulator = await startEmulator({ port: 0, apiKey: API_KEY, seed: 3, durationMs: options.durationMs ?? 600, sampleCount: 10 });
  if (options.scores) emulator.configure({ scores: options.scores });
  return emulator;
}

/** Starts a hosted Prime evaluation on the emulator, as a CI step before `evalgate wait` would. */
export async function createPrimeEvaluation(emulator: Emulator, name = 'cli test'): Promise<Evaluation> {
  const client = createClient({ provider: 'prime' satisfies ProviderName, apiKey: API_KEY, baseUrl: emulator.baseUrls.prime });
  return client.create({
    provider: 'prime',
    name,
    isHosted: true,
    environments: [{ id: 'gsm8k' }],
    inferenceModel: 'meta-llama/llama-3.1-8b-instruct',
    evalConfig: { num_examples: 5, rollouts_per_example: 2 },
  });
}
