// Acme's registry line in the emulator. The type half adds Acme to the emulator's `Provider` (so every typed table of
// the emulator, and its control API, takes it); the run-time half makes emulators started afterwards serve it.
import { registerTestProvider } from '@evalgate/emulator/testing';
import { acmeEmulated } from './emulator/provider.js';

declare module '@evalgate/emulator/testing' {
  interface TestProviders {
    acme: true;
  }
}

/** Serves Acme in emulators started from now on; returns the function that removes it again. */
export const registerAcmeInEmulator = (): (() => void) => registerTestProvider(acmeEmulated);
