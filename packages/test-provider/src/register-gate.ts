// Acme's registry line in the gate. The type half adds Acme's settings to the gate's parsed-settings union; the
// run-time half adds its rows to the settings table every host reads (the Action's inputs, the CLI's flags) and its
// create request, lost-create identity and list scope to the flow. Its core part must be registered too
// (`./register-core.ts`): the gate builds on core's client.
import { registerTestProvider } from '@evalgate/gate/testing';
import { acmeGate } from './gate/provider.js';
import type { AcmeSettings } from './gate/types.js';

declare module '@evalgate/gate/testing' {
  interface TestProviders {
    acme: AcmeSettings;
  }
}

/** Registers Acme's gate part; returns the function that removes it again. */
export const registerAcmeInGate = (): (() => void) => registerTestProvider(acmeGate);
