import type { ProviderCapabilities } from '@evalgate/core';

export const ACME_CAPABILITIES: ProviderCapabilities = {
  cancel: true,
  finalize: false,
  pushSamples: false,
  metadata: true,
  tags: false,
  groups: false,
  samples: false,
};
