import type { CreateEvaluationRequest } from '@evalgate/core';
import type { ResolvedSettings } from '../providers/gate-provider.js';
import { gateProviderOf } from '../providers/registry.js';
import type { EvaluationTags } from '../tags.js';

export type { ResolvedSettings } from '../providers/gate-provider.js';

/** The create request of the provider the settings are for. */
export function createRequest(resolved: ResolvedSettings, name: string, tags: EvaluationTags): CreateEvaluationRequest {
  return gateProviderOf(resolved.settings).createRequest(resolved.settings, resolved, name, tags);
}
