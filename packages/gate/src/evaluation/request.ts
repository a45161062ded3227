import type { CreateEvaluationRequest, PrimeSample } from '@evalgate/core';
import { gateProviderOf } from '../providers/registry.js';
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
  return gateProviderOf(settings).createRequest(settings, resolved, name, tags);
}
