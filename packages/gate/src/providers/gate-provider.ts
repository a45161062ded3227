import type { CreateEvaluationRequest } from '@evalgate/core';
import type { ResolvedSettings } from '../evaluation/request.js';
import type { ProviderSettings } from '../settings/types.js';
import type { EvaluationTags } from '../tags.js';

/** What the gate adds to core's registry for one provider: each provider folder here exports one. */
export interface GateProvider<P extends ProviderSettings['provider']> {
  /** The create request from this provider's settings, the files they name (resolved) and the run's name and tags. */
  createRequest(settings: Extract<ProviderSettings, { provider: P }>, resolved: ResolvedSettings, name: string, tags: EvaluationTags): CreateEvaluationRequest;
  /** What narrows a list to where this gate's evaluations are (OpenAI: the runs of the configured eval). */
  listScope(settings: Extract<ProviderSettings, { provider: P }>): ListScope;
}

export interface ListScope {
  evalId?: string;
}
