import type { ProviderCapabilities } from '../../domain/client.js';

export const PRIME_CAPABILITIES: ProviderCapabilities = {
  cancel: true,
  finalize: true,
  pushSamples: true,
  metadata: true,
  tags: true,
  groups: false,
  samples: true,
};
