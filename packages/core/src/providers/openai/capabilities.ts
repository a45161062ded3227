import type { ProviderCapabilities } from '../../domain/client.js';

// Runs carry metadata but no tags; evals group the runs.
export const OPENAI_CAPABILITIES: ProviderCapabilities = {
  cancel: true,
  finalize: false,
  pushSamples: false,
  metadata: true,
  tags: false,
  groups: true,
  samples: true,
};
