import type { CreateEvaluationRequest, PrimeCreateRequest, PrimeSample } from '@evalgate/core';
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
  switch (settings.provider) {
    case 'prime': {
      const request: PrimeCreateRequest = { provider: 'prime', name, isHosted: settings.mode === 'hosted', tags: tags.tags, metadata: tags.metadata };
      if (settings.environments.length > 0) request.environments = settings.environments;
      if (settings.mode === 'samples') {
        // A client-driven record names its model in model_name; inference_model is for hosted runs.
        if (settings.inferenceModel) request.modelName = settings.inferenceModel;
        return request;
      }
      request.inferenceModel = settings.inferenceModel;
      // The complete eval_config: the dedicated inputs, with the other keys eval-config gave.
      request.evalConfig = {
        ...settings.evalConfig,
        num_examples: settings.numExamples,
        rollouts_per_example: settings.rolloutsPerExample,
        timeout_minutes: settings.timeoutMinutes,
      };
      return request;
    }
    case 'openai':
      return {
        provider: 'openai',
        evalId: settings.evalId,
        name,
        dataSource: resolved.dataSource ?? {},
        metadata: tags.metadata,
      };
    case 'nugen': {
      const request: CreateEvaluationRequest = { provider: 'nugen', modelId: settings.modelId, benchmarkId: settings.benchmarkId };
      if (settings.baselineModelId) request.modelId2 = settings.baselineModelId;
      if (settings.metrics.length > 0) request.customMetrics = { metrics: settings.metrics };
      return request;
    }
  }
}
