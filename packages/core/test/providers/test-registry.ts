// The test-only registry line: the type half makes the compiler walk Acme through every typed table of core (a
// missing entry fails `check-types`), the run-time half lets createClient and normalizeStatus find it.
import { registerTestProvider } from '../../src/testing.js';
import { acmeProvider } from './acme/provider.js';
import type { AcmeCreateRequest } from './acme/request.js';

declare module '../../src/testing.js' {
  interface TestProviders {
    acme: AcmeCreateRequest;
  }
}

export const registerTestProviders = (): (() => void) => registerTestProvider(acmeProvider);
