import { providers, type ProviderInfo, type ProviderName } from '@evalgate/core';
import type { ExtensionProvider } from './extension-provider.js';
import { nugenExtension } from './nugen/provider.js';
import { openaiExtension } from './openai/provider.js';
import { primeExtension } from './prime/provider.js';

/** The extension's part of each provider, in core's order; the names, labels and base URLs come from core's registry. */
export const EXTENSION_PROVIDERS = [primeExtension, openaiExtension, nugenExtension] as const;

const testProviders = new Map<string, ExtensionProvider>();

/** Test-only hook: the extension part of a test provider (its core part is registered through `@evalgate/core/testing`). */
export function registerTestProvider(provider: ExtensionProvider): () => void {
  if ([...EXTENSION_PROVIDERS, ...testProviders.values()].some((known) => known.name === provider.name)) {
    throw new Error(`an extension provider named '${provider.name}' is already registered`);
  }
  testProviders.set(provider.name, provider);
  return () => {
    testProviders.delete(provider.name);
  };
}

export interface ProviderEntry extends ProviderInfo {
  readonly extension: ExtensionProvider;
  /** Core's label with the extension's hint, as quick picks and the settings enum show it. */
  readonly description: string;
}

/** Every provider core knows that the extension can show, in core's order. */
export function providerEntries(): ProviderEntry[] {
  return providers().flatMap((info) => {
    const extension = EXTENSION_PROVIDERS.find((candidate) => candidate.name === info.name) ?? testProviders.get(info.name);
    return extension ? [{ ...info, extension, description: extension.hint ? `${info.label} (${extension.hint})` : info.label }] : [];
  });
}

/** One provider's entry; a provider with no extension part is a programming error, reported by name. */
export function providerEntry(name: ProviderName): ProviderEntry {
  const entry = providerEntries().find((candidate) => candidate.name === name);
  if (!entry)
    throw new Error(
      `evalgate has no provider named '${String(name)}' (known: ${providerEntries()
        .map((known) => known.name)
        .join(', ')})`,
    );
  return entry;
}

export function providerIds(): ProviderName[] {
  return providerEntries().map((entry) => entry.name);
}
