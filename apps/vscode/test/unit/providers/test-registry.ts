// The test-only registry lines the extension's tests use: Acme's core and emulator parts come from the test-provider
// package (importing its registry line brings the type half too, which adds Acme to core's `ProviderName` as the
// extension's compiler sees it, so every typed table here must take it); the extension's part is the folder beside
// this file.
import { registerAcmeInCore } from '@evalgate/test-provider/register-core';
import { registerAcmeInEmulator } from '@evalgate/test-provider/register-emulator';
import { registerTestProvider } from '../../../src/logic/providers/registry.js';
import { acmeExtension } from './acme/provider.js';

/** Registers Acme in core, the emulator and the extension; returns the function that removes all three again. */
export function registerTestProviders(): () => void {
  const undo = [registerAcmeInCore(), registerAcmeInEmulator(), registerTestProvider(acmeExtension)];
  return () => undo.forEach((step) => step());
}
