import type { ProviderName } from '@evalgate/core';
import type { GateProvider } from './gate-provider.js';
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
