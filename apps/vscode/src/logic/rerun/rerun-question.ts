import { isTerminal, type CreateEvaluationRequest, type Evaluation } from '@evalgate/core';

/**
 * The re-run confirmation's buttons: a re-run starts (and bills) a new evaluation, so the dialog's close affordance
 * (Escape, its X) starts nothing, and the confirming button says what it does.
 */
export const RERUN_DIALOG = {
  rerun: 'Re-run',
  close: 'Close',
} as const;

/** Re-run is offered on a finished row whose provider returned enough to start it again as it was. */
export function isRerunnable(evaluation: Evaluation): boolean {
  return evaluation.capabilities.canRerun === true && isTerminal(evaluation.status);
}

/**
 * What the dialog asks, with the parameters the new evaluation gets, in words. Only the fields that say what is
 * evaluated: an eval_config may carry headers or other values that are nobody's business in a dialog.
 */
export function rerunQuestion(name: string, request: CreateEvaluationRequest): { message: string; detail: string } {
  return {
    message: `Re-run evaluation "${name}"?`,
    detail: `A new ${request.provider} evaluation starts with the same parameters: ${parametersText(request)}.`,
  };
}

function parametersText(request: CreateEvaluationRequest): string {
  switch (request.provider) {
    case 'prime': {
      const config = request.evalConfig ?? {};
      const examples = config.num_examples === -1 ? 'all examples' : `${String(config.num_examples)} examples`;
      const parts = [
        `environment ${request.environments?.map((environment) => environment.id).join(', ') ?? '?'}`,
        `model ${request.inferenceModel ?? '?'}`,
        `${examples} × ${String(config.rollouts_per_example)} rollouts`,
      ];
      if (typeof config.timeout_minutes === 'number') parts.push(`timeout ${config.timeout_minutes} min`);
      return parts.join(', ');
    }
    case 'openai': {
      const model = typeof request.dataSource.model === 'string' ? `, model ${request.dataSource.model}` : '';
      return `eval ${request.evalId}, ${String(request.dataSource.type)} data source${model}`;
    }
    case 'nugen': {
      const models = request.modelId2 ? `models ${request.modelId} vs ${request.modelId2}` : `model ${request.modelId}`;
      const judge = request.judgeProvider ? `, judge ${request.judgeProvider}` : '';
      // Nugen returns no custom_metrics anywhere, so a re-run cannot repeat them.
      return `${models} on benchmark ${request.benchmarkId}${judge} (custom metrics, if the original had any, are not returned by Nugen and use the defaults)`;
    }
    default:
      // A provider with no wording of its own here (the registry's test provider): its request fields as given.
      return Object.entries(request as object)
        .filter(([key]) => key !== 'provider')
        .map(([key, value]) => `${key} ${JSON.stringify(value)}`)
        .join(', ');
  }
}
