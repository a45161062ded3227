import { startEmulator, type Emulator, type Provider } from '@evalgate/emulator';
import { createClient } from '@evalgate/core';
import type { Connection } from '../../../src/logic/connection.js';
import { EvaluationStore, type StoreOptions } from '../../../src/logic/store.js';

export const API_KEY = 'test-key';

/** A real emulator on 127.0.0.1 (random port); evaluations stay non-terminal for a minute unless configured. */
export async function startTestEmulator(durationMs = 60_000): Promise<Emulator> {
  return startEmulator({ port: 0, apiKey: API_KEY, seed: 1, durationMs, sampleCount: 5 });
}

export function emulatorConnection(emulator: Emulator, provider: Provider): Connection {
  return { id: `${provider}-test`, provider, baseUrl: emulator.baseUrls[provider] };
}

/** A store whose clients talk to the emulator with core's real HTTP client and no client-side retries. */
export function storeFor(options: Partial<StoreOptions> = {}): EvaluationStore {
  return new EvaluationStore({
    createClient: (connection, apiKey) => createClient({ provider: connection.provider, baseUrl: connection.baseUrl, apiKey, maxRetries: 0, timeoutMs: 5_000 }),
    ...options,
  });
}
