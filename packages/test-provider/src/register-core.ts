// Acme's registry line in core. The type half makes the compiler of whoever imports this module walk Acme through
// every typed table of core (a `Record<ProviderName, …>` or a `switch` that forgets it fails `check-types`); the
// run-time half lets `createClient`, `normalizeStatus` and `providers()` find it.
import { registerTestProvider } from '@evalgate/core/testing';
import { acmeProvider } from './core/provider.js';
import type { AcmeCreateRequest } from './core/request.js';

declare module '@evalgate/core/testing' {
  interface TestProviders {
    acme: AcmeCreateRequest;
  }
}

export type { AcmeCreateRequest };

/** Registers Acme's core part; returns the function that removes it again. */
export const registerAcmeInCore = (): (() => void) => registerTestProvider(acmeProvider);
