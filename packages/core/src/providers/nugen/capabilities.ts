import type { ProviderCapabilities } from '../../domain/client.js';

// Nugen documents no cancel and its create takes neither metadata nor tags (QUIRKS), so a lost create is found by its inputs.
export const NUGEN_CAPABILITIES: ProviderCapabilities = {
  cancel: false,
  finalize: false,
  pushSamples: false,
  metadata: false,
  tags: false,
  groups: false,
  samples: true,
};
