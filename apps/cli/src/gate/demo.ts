// `evalgate gate --demo`: the gate against the embedded emulator on 127.0.0.1, so a newcomer sees a whole run
// (progress bar, verdict, exit code 0) without an account or a key.
import type { RawSettings, RunContext } from '@evalgate/gate';
import { startEmulator, type Emulator } from '@evalgate/emulator';

const DEMO_API_KEY = 'evalgate-demo-key';

export interface Demo {
  emulator: Emulator;
  /** Forced over every other source: the demo talks only to its emulator. */
  connection: RawSettings;
  /** Used unless a flag, variable or config key says otherwise. */
  defaults: RawSettings;
  context: RunContext;
}

export async function startDemo(): Promise<Demo> {
  // Long enough to watch the bar fill, short enough for a first try.
  const emulator = await startEmulator({ port: 0, apiKey: DEMO_API_KEY, seed: 7, durationMs: 6000, sampleCount: 40 });
  return {
    emulator,
    connection: {
      provider: 'prime',
      'api-key': DEMO_API_KEY,
      'base-url': emulator.baseUrls.prime,
      environments: 'gsm8k',
      'inference-model': 'meta-llama/llama-3.1-8b-instruct',
    },
    defaults: { 'min-avg-score': '0.4', 'min-min-score': '0', 'poll-interval-seconds': '0.5', 'timeout-minutes': '2', name: 'evalgate demo' },
    context: { repository: 'demo/evalgate', eventName: 'manual', sha: 'de0de0de0de0de0de0de0de0de0de0de0de0de0d', ref: 'demo', isFork: false },
  };
}
