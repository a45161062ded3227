// The test-only registry line: the type half adds Acme to `Provider` (so every typed table of the emulator must take
// it), the run-time half makes emulators started afterwards serve it.
import { registerTestProvider } from '../../src/providers/registry.js';
import { acmeEmulated } from './acme/provider.js';

declare module '../../src/testing/test-providers.js' {
  interface TestProviders {
    acme: true;
  }
}

export const registerTestProviders = (): (() => void) => registerTestProvider(acmeEmulated);
