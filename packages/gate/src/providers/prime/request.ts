import type { PrimeCreateRequest } from '@evalgate/core';
import type { EvaluationTags } from '../../tags.js';
import type { PrimeSettings } from './types.js';

/** The create request: a hosted run with its complete eval_config, or a client-driven record. */
export function primeCreateRequest(settings: PrimeSettings, name: string, tags: EvaluationTags): PrimeCreateRequest {
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
