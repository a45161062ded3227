import { startEmulator, type Emulator } from '@evalgate/emulator';
import { GITHUB_TOKEN } from './action-process.js';
import { startGitHubStandIn, type GitHubStandIn } from '@evalgate/github-stand-in';

export const PROVIDER_KEY = 'emu-key-SECRET-93ad7';

export interface E2E {
  emulator: Emulator;
  github: GitHubStandIn;
  inputs(provider: 'prime' | 'openai' | 'nugen', extra?: Record<string, string>): Record<string, string>;
  close(): Promise<void>;
}

/** One emulator (short evaluations) and one GitHub stand-in, both on 127.0.0.1. */
export async function startE2E(): Promise<E2E> {
  const emulator = await startEmulator({ port: 0, apiKey: PROVIDER_KEY, seed: 3, durationMs: 1200, sampleCount: 10 });
  const github = await startGitHubStandIn({ token: GITHUB_TOKEN });
  const providerInputs = {
    prime: { environments: 'gsm8k', 'inference-model': 'llama-3-8b' },
    openai: { 'eval-id': 'eval_demo', 'data-source': '{"type":"jsonl","source":{"type":"file_content","content":[{"item":{"q":"1+1"}}]}}' },
    nugen: { 'model-id': 'model-a', 'benchmark-id': 'bench-1' },
  };
  return {
    emulator,
    github,
    inputs: (provider, extra = {}) => ({
      provider,
      'api-key': PROVIDER_KEY,
      'base-url': emulator.baseUrls[provider],
      'github-token': GITHUB_TOKEN,
      'poll-interval-seconds': '0.2',
      'timeout-minutes': '1',
      ...providerInputs[provider],
      ...extra,
    }),
    close: async () => {
      await github.close();
      await emulator.close();
    },
  };
}
