import type { ProviderName } from '@evalgate/core';
import type { TestProviders as CoreTestProviders } from '@evalgate/core/testing';
import { COMMON_SETTINGS } from '../settings/common.js';
import type { TestProviders } from '../testing.js';
import type { SettingsTable } from '../settings/spec.js';
import type { AnyGateProvider, CreateTargetBase, GateProvider, ListScope, ProviderSettingsBase, SettingsOf, TargetOf } from './gate-provider.js';
import { nugenGate } from './nugen/provider.js';
import { openaiGate } from './openai/provider.js';
import { primeGate } from './prime/provider.js';

/** The providers core ships (a test provider added to core's `ProviderName` by declaration merging is not one). */
type ShippedProviderName = Exclude<ProviderName, Extract<keyof CoreTestProviders, string>>;

/**
 * The gate's part of every provider core ships, keyed by name in core's order: a provider core adds without a line
 * here fails to compile. Provider-specific behaviour lives in these folders; elsewhere the gate asks
 * `client.capabilities` or the provider's `GateProvider`.
 */
export const GATE_PROVIDERS = {
  prime: primeGate,
  openai: openaiGate,
  nugen: nugenGate,
} as const satisfies { readonly [P in ShippedProviderName]: AnyGateProvider & { readonly name: P } };

type ShippedGateProvider = (typeof GATE_PROVIDERS)[ShippedProviderName];

/** The settings of any provider: one variant per registered provider, told apart by `provider`. */
export type ProviderSettings = SettingsOf<ShippedGateProvider> | TestProviders[keyof TestProviders];

/** What finds a create again, of any shipped provider. */
export type CreateTarget = TargetOf<ShippedGateProvider>;

const testProviders = new Map<string, AnyGateProvider>();
/** Counts registrations, so what is built from the providers (the settings table) knows when to build again. */
let generation = 0;

/** Every gate provider now: the shipped ones, then any test provider registered. */
export function gateProviders(): readonly AnyGateProvider[] {
  return [...(Object.values(GATE_PROVIDERS) as AnyGateProvider[]), ...testProviders.values()];
}

/** The gate's part of a provider; a provider with none is a programming error, reported by name. */
export function gateProvider(name: string): AnyGateProvider {
  const provider = gateProviders().find((candidate) => candidate.name === name);
  if (!provider) {
    throw new Error(
      `evalgate's gate has no provider named '${name}' (known: ${gateProviders()
        .map((known) => known.name)
        .join(', ')})`,
    );
  }
  return provider;
}

/** The gate's part of the provider these settings are for. */
export function gateProviderOf(settings: ProviderSettingsBase): AnyGateProvider {
  return gateProvider(settings.provider);
}

export function listScopeOf(settings: ProviderSettingsBase): ListScope {
  return gateProviderOf(settings).listScope(settings);
}

/** Changes whenever a test provider is registered or removed. */
export function providersGeneration(): number {
  return generation;
}

/**
 * Test-only hook: adds the gate's part of a provider no build ships (its core part is registered through
 * `@evalgate/core/testing`). Its rows join the settings table every host reads. Returns the function that removes it.
 */
export function registerTestProvider<S extends ProviderSettingsBase, T extends SettingsTable, Target extends CreateTargetBase>(
  typed: GateProvider<S, T, Target>,
): () => void {
  // The registry holds every provider's part alike; its own types only matter inside its hooks.
  const provider = typed as unknown as AnyGateProvider;
  if (gateProviders().some((known) => known.name === provider.name)) {
    throw new Error(`A gate provider named '${provider.name}' is already registered`);
  }
  const taken = new Set([...Object.keys(COMMON_SETTINGS), ...gateProviders().flatMap((known) => Object.keys(known.settings))]);
  const clash = Object.keys(provider.settings).find((name) => taken.has(name));
  if (clash !== undefined) throw new Error(`Gate provider '${provider.name}' declares setting '${clash}', which the settings table already has`);
  testProviders.set(provider.name, provider);
  generation++;
  return () => {
    if (testProviders.get(provider.name) !== provider) return;
    testProviders.delete(provider.name);
    generation++;
  };
}
