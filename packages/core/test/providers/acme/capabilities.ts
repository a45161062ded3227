import type { ProviderCapabilities } from '../../../src/domain/client.js';

export const ACME_CAPABILITIES: ProviderCapabilities = {
  cancel: true,
  finalize: false,
  pushSamples: false,
  metadata: true,
  tags: false,
  groups: false,
  samples: false,
};
