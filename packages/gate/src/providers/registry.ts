import type { ProviderName } from '@evalgate/core';
import type { ProviderSettings } from '../settings/types.js';
import type { GateProvider, ListScope } from './gate-provider.js';
import { nugenGate } from './nugen/request.js';
import { openaiGate } from './openai/request.js';
import { primeGate } from './prime/request.js';

/**
 * The gate's part of every provider in core's registry, keyed by name: a provider core adds without a line here fails
 * to compile. Provider-specific behaviour lives in these folders; elsewhere the gate asks `client.capabilities`.
 */
export const GATE_PROVIDERS: { readonly [P in ProviderName]: GateProvider<P> } = {
  prime: primeGate,
  openai: openaiGate,
  nugen: nugenGate,
};

/** The gate's part of the provider these settings are for. */
export function gateProviderOf(settings: ProviderSettings): GateProvider<ProviderSettings['provider']> {
  // The registry pairs each provider with its own settings' handlers; TypeScript cannot correlate the two unions.
  return GATE_PROVIDERS[settings.provider] as GateProvider<ProviderSettings['provider']>;
}

export function listScopeOf(settings: ProviderSettings): ListScope {
  return gateProviderOf(settings).listScope(settings);
}
