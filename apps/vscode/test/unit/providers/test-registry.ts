// The test-only registry lines of the extension layer: the type half adds Acme to core's `ProviderName` as the
// extension's compiler sees it (so every typed table here must take it), the run-time half registers core's part
// and the extension's part.
import { registerTestProvider as registerInCore } from '@evalgate/core/testing';
import { registerTestProvider } from '../../../src/logic/providers/registry.js';
import { acmeCoreDefinition, AcmeBackend } from './acme/core-stand-in.js';
import { acmeExtension } from './acme/provider.js';
import type { AcmeCreateRequest } from './acme/request.js';

declare module '@evalgate/core/testing' {
  interface TestProviders {
    acme: AcmeCreateRequest;
  }
}

export function registerTestProviders(backend = new AcmeBackend()): { backend: AcmeBackend; unregister: () => void } {
  const undo = [registerInCore(acmeCoreDefinition(backend)), registerTestProvider(acmeExtension)];
  return { backend, unregister: () => undo.forEach((step) => step()) };
}
