import { z } from 'zod';
import type { Provider } from '../types.js';
import { nugenEmulated } from './nugen/provider.js';
import { openaiEmulated } from './openai/provider.js';
import type { EmulatedProvider } from './provider.js';
import { primeEmulated } from './prime/provider.js';

/**
 * Every provider the emulator serves, in the order requests are matched. `Provider` derives from it. The emulator
 * keeps its own status vocabulary per provider folder instead of importing core's: it plays the provider, not the client.
 */
export const EMULATED_PROVIDERS = [primeEmulated, openaiEmulated, nugenEmulated] as const;

const testProviders = new Map<string, EmulatedProvider>();

/** The shipped providers, then any test provider registered (servers started later serve it too). */
export function emulatedProviders(): readonly EmulatedProvider[] {
  return [...EMULATED_PROVIDERS, ...testProviders.values()];
}

export function providerNames(): Provider[] {
  return emulatedProviders().map((provider) => provider.name as Provider);
}

/** A provider name, checked against the registry when parsed. */
export const providerSchema = z.custom<Provider>((value) => typeof value === 'string' && providerNames().includes(value as Provider), {
  error: () => `must be one of ${providerNames().join(', ')}`,
});

/** Test-only hook: serves a provider no build ships, in emulators started from now on. Returns its undo. */
export function registerTestProvider(provider: EmulatedProvider): () => void {
  if (emulatedProviders().some((known) => known.name === provider.name)) {
    throw new Error(`an emulated provider named '${provider.name}' is already registered`);
  }
  testProviders.set(provider.name, provider);
  return () => {
    testProviders.delete(provider.name);
  };
}
