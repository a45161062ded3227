import type { CreateEvaluationRequest, PrimeSample } from '@evalgate/core';
import type { GateProvider } from '../providers/gate-provider.js';
import { GATE_PROVIDERS } from '../providers/registry.js';
import type { EvaluationTags } from '../tags.js';
import type { ProviderSettings } from '../settings/types.js';

/** Everything resolved from files before creating: the OpenAI data source and the Prime samples. */
export interface ResolvedSettings {
  settings: ProviderSettings;
  dataSource?: Record<string, unknown>;
  samples?: PrimeSample[];
}

export function createRequest(resolved: ResolvedSettings, name: string, tags: EvaluationTags): CreateEvaluationRequest {
  const { settings } = resolved;
  // The registry pairs each provider with the builder of its own settings; TypeScript cannot correlate the two unions.
  const provider = GATE_PROVIDERS[settings.provider] as GateProvider<ProviderSettings['provider']>;
  return provider.createRequest(settings, resolved, name, tags);
}
