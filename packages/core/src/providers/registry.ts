import type { ProviderCapabilities } from '../domain/client.js';
import type { EvaluationStatus, ProviderName } from '../domain/evaluation.js';
import { ConfigurationError } from '../errors.js';
import type { ProviderDefinition } from './definition.js';
import { nugenProvider } from './nugen/provider.js';
import { openaiProvider } from './openai/provider.js';
import { primeProvider } from './prime/provider.js';
import { lookupStatus } from './status-table.js';

/** Every provider core ships, in the order lists show them. `ProviderName` and the request union derive from it. */
export const PROVIDERS = [primeProvider, openaiProvider, nugenProvider] as const;

/** What apps may know about a provider without building a client. */
export interface ProviderInfo {
  readonly name: ProviderName;
  readonly label: string;
  readonly defaultBaseUrl: string;
  readonly capabilities: ProviderCapabilities;
}

/** The names of the providers core ships (never the test-only ones). */
export const PROVIDER_NAMES: readonly ProviderName[] = PROVIDERS.map((provider) => provider.name);

const testProviders = new Map<string, ProviderDefinition>();

/** The definition of a provider; a name no registry knows is a programming error, reported rather than guessed at. */
export function providerDefinition(name: ProviderName): ProviderDefinition {
  const definition = PROVIDERS.find((provider) => provider.name === name) ?? testProviders.get(name);
  if (!definition) {
    throw new ConfigurationError(
      `No provider named '${String(name)}'. Fix: use one of ${providerNames()
        .map((known) => `'${known}'`)
        .join(', ')}`,
    );
  }
  return definition;
}

/** Every provider a client can be built for now: the shipped ones, then any test provider registered. */
export function providers(): readonly ProviderInfo[] {
  return [...PROVIDERS, ...testProviders.values()].map(({ name, label, defaultBaseUrl, capabilities }) => ({
    name: name as ProviderName,
    label,
    defaultBaseUrl,
    capabilities,
  }));
}

export function providerNames(): readonly ProviderName[] {
  return providers().map((provider) => provider.name);
}

/** Maps a provider's raw status to the normalized one; unrecognised values give `unknown`, unknown providers throw. */
export function normalizeStatus(provider: ProviderName, raw: string): EvaluationStatus {
  return lookupStatus(providerDefinition(provider).statusTable, raw);
}

/**
 * Test-only hook: adds a provider that no build ships. Returns the function that removes it again. Reached through
 * `@evalgate/core/testing`, never through the package's main entry.
 */
export function registerTestProvider(definition: ProviderDefinition): () => void {
  if (PROVIDERS.some((provider) => provider.name === definition.name) || testProviders.has(definition.name)) {
    throw new ConfigurationError(`A provider named '${definition.name}' is already registered`);
  }
  testProviders.set(definition.name, definition);
  return () => {
    testProviders.delete(definition.name);
  };
}
