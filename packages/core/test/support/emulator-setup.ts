import { startEmulator, type Emulator, type Provider } from '@evalgate/emulator';
import { createClient, type ClientOptions, type EvalClient } from '../../src/index.js';
import { fakeClock } from './fake-clock.js';

export const EMULATOR_KEY = 'emu-test-key-0123456789';

export interface EmulatorHarness {
  emu: Emulator;
  clock: ReturnType<typeof fakeClock>;
  /** A client of one of the providers the emulator serves. */
  client(provider: Provider, options?: Partial<ClientOptions>): EvalClient;
}

/**
 * The emulator and the client share one fake clock: the emulator derives lifecycles from it and the client's
 * sleeps advance it, so an evaluation's whole life plays out without real waiting.
 */
export async function startHarness(settings: { durationMs?: number; sampleCount?: number } = {}): Promise<EmulatorHarness> {
  const clock = fakeClock(Date.now());
  const emu = await startEmulator({
    port: 0,
    apiKey: EMULATOR_KEY,
    seed: 1,
    durationMs: settings.durationMs ?? 10_000,
    sampleCount: settings.sampleCount ?? 20,
    now: clock.now,
  });
  return {
    emu,
    clock,
    client: (provider, options = {}) =>
      createClient({
        provider,
        apiKey: EMULATOR_KEY,
        baseUrl: emu.baseUrls[provider],
        now: clock.now,
        sleep: clock.sleep,
        random: () => 0.5,
        ...options,
      }),
  };
}
