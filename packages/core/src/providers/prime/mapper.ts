import { isTerminal, type Evaluation, type Scores } from '../../domain/evaluation.js';
import type { PrimeCreateRequest } from '../../domain/requests.js';
import { normalizeStatus } from '../../domain/status.js';
import { definedOnly, stringRecord, toDate } from '../wire-helpers.js';
import type { PrimeEvaluationWire, PrimeFinalizeWire } from './wire.js';

export function primeScores(wire: {
  total_samples?: number | null | undefined;
  avg_score?: number | null | undefined;
  min_score?: number | null | undefined;
  max_score?: number | null | undefined;
}): Scores | undefined {
  const { total_samples: count, avg_score: avg, min_score: min, max_score: max } = wire;
  if (typeof avg !== 'number' || !Number.isFinite(avg) || typeof count !== 'number' || count < 1) return undefined;
  return { avg, min: typeof min === 'number' ? min : avg, max: typeof max === 'number' ? max : avg, count };
}

export function mapPrimeEvaluation(wire: PrimeEvaluationWire, hostedHint?: boolean): Evaluation {
  const status = normalizeStatus('prime', wire.status);
  const hosted = wire.is_hosted ?? hostedHint ?? false;
  const scores = primeScores(wire);
  const progressFraction = typeof wire.progress === 'number' ? Math.min(1, Math.max(0, wire.progress)) : undefined;
  const updatedAt = toDate(wire.updated_at ?? wire.completed_at);
  const createdAt = toDate(wire.created_at);
  const metadata = stringRecord(wire.metadata);
  const model = wire.inference_model ?? wire.model_name ?? undefined;
  return {
    provider: 'prime',
    id: (wire.evaluation_id ?? wire.id) as string,
    name: wire.name,
    status,
    rawStatus: wire.status,
    ...(progressFraction !== undefined || typeof wire.total_samples === 'number'
      ? {
          progress: definedOnly({
            fraction: progressFraction,
            completed: typeof wire.total_samples === 'number' ? wire.total_samples : undefined,
          }),
        }
      : {}),
    ...(scores ? { scores } : {}),
    ...(wire.viewer_url ? { reportUrl: wire.viewer_url } : {}),
    ...(createdAt ? { createdAt } : {}),
    ...(updatedAt ? { updatedAt } : {}),
    capabilities: {
      canCancel: hosted && !isTerminal(status),
      // Client-driven ones are finalized by the caller; hosted ones once they completed (idempotent).
      canFinalize: hosted ? status === 'completed' : !isTerminal(status),
    },
    ...(wire.tags && wire.tags.length > 0 ? { tags: wire.tags } : {}),
    ...(metadata ? { metadata } : {}),
    ...(model ? { model } : {}),
    ...(wire.error_message ? { errorMessage: wire.error_message } : {}),
  };
}

/** Finalize's own figures are the authoritative ones: they overwrite what a following GET reported. */
export function withFinalizeResult(evaluation: Evaluation, finalize: PrimeFinalizeWire): Evaluation {
  const scores = primeScores(finalize);
  const status = normalizeStatus('prime', finalize.status);
  const { scores: _previous, ...rest } = evaluation;
  return {
    ...rest,
    status,
    rawStatus: finalize.status,
    ...(scores ? { scores } : {}),
    ...(finalize.viewer_url ? { reportUrl: finalize.viewer_url } : {}),
    capabilities: { ...evaluation.capabilities, canCancel: evaluation.capabilities.canCancel && !isTerminal(status) },
  };
}

/** camelCase request → the snake_case body of `POST /api/v1/evaluations/`; only fields the caller set. */
export function primeCreateBody(request: PrimeCreateRequest): Record<string, unknown> {
  return definedOnly({
    name: request.name,
    team_id: request.teamId,
    environments: request.environments?.map((env) => definedOnly({ id: env.id, version_id: env.versionId })),
    suite_id: request.suiteId,
    run_id: request.runId,
    is_hosted: request.isHosted,
    inference_model: request.inferenceModel,
    eval_config: request.evalConfig,
    model_name: request.modelName,
    dataset: request.dataset,
    framework: request.framework,
    task_type: request.taskType,
    description: request.description,
    tags: request.tags,
    metadata: request.metadata,
    metrics: request.metrics,
    is_public: request.isPublic,
  });
}
