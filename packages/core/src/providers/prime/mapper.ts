import { isTerminal, type Evaluation, type Scores } from '../../domain/evaluation.js';
import type { PrimeCreateRequest } from './request.js';
import { lookupStatus } from '../status-table.js';
import { PRIME_STATUS_TABLE } from './statuses.js';
import { ConfigurationError } from '../../errors.js';
import { definedOnly, stringRecord, toDate } from '../wire-helpers.js';
import { completeEvalConfig } from './eval-config.js';
import { primeRerunRequest } from './rerun.js';
import type { PrimeEvaluationWire, PrimeFinalizeWire, PrimeHostedCreatedWire } from './wire.js';

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
  const status = lookupStatus(PRIME_STATUS_TABLE, wire.status);
  const hosted = wire.is_hosted ?? hostedHint ?? false;
  const scores = primeScores(wire);
  const progressFraction = typeof wire.progress === 'number' ? Math.min(1, Math.max(0, wire.progress)) : undefined;
  const updatedAt = toDate(wire.updated_at ?? wire.completed_at);
  const createdAt = toDate(wire.created_at);
  const startedAt = toDate(wire.started_at);
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
    ...(startedAt ? { startedAt } : {}),
    ...(updatedAt ? { updatedAt } : {}),
    capabilities: {
      canCancel: hosted && !isTerminal(status),
      // Client-driven ones are finalized by the caller; hosted ones once they completed (idempotent).
      canFinalize: hosted ? status === 'completed' : !isTerminal(status),
      canRerun: isTerminal(status) && primeRerunRequest(wire) !== undefined,
    },
    ...(wire.tags && wire.tags.length > 0 ? { tags: wire.tags } : {}),
    ...(metadata ? { metadata } : {}),
    ...(model ? { model } : {}),
    ...(wire.error_message ? { errorMessage: wire.error_message } : {}),
  };
}

/** Finalize's own figures are the authoritative ones: they overwrite what a following GET reported (null ones do not). */
export function withFinalizeResult(evaluation: Evaluation, finalize: PrimeFinalizeWire): Evaluation {
  const scores = primeScores(finalize);
  const status = lookupStatus(PRIME_STATUS_TABLE, finalize.status);
  const { scores: previous, ...rest } = evaluation;
  const kept = scores ?? previous;
  return {
    ...rest,
    status,
    rawStatus: finalize.status,
    ...(kept ? { scores: kept } : {}),
    ...(finalize.viewer_url ? { reportUrl: finalize.viewer_url } : {}),
    capabilities: { ...evaluation.capabilities, canCancel: evaluation.capabilities.canCancel && !isTerminal(status) },
  };
}

/** camelCase request → the body of `POST /api/v1/evaluations/` (the push flow); only fields the caller set. */
export function primeCreateBody(request: PrimeCreateRequest): Record<string, unknown> {
  if (request.evalConfig !== undefined || request.inferenceModel !== undefined) {
    throw new ConfigurationError(
      'Prime evalConfig and inferenceModel only apply to hosted evaluations: set isHosted: true, or use modelName for a client-driven one',
    );
  }
  return definedOnly({
    name: request.name,
    team_id: request.teamId,
    environments: request.environments?.map((env) => definedOnly({ id: env.id, version_id: env.versionId })),
    suite_id: request.suiteId,
    run_id: request.runId,
    ...describedBy(request),
  });
}

/** The descriptive fields both create and update (`PUT /api/v1/evaluations/{id}`) accept. */
function describedBy(request: PrimeCreateRequest): Record<string, unknown> {
  return definedOnly({
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

/** The body of `POST /api/v1/hosted-evaluations` (PRIME-1): environment ids, model and a complete eval_config. */
export function primeHostedCreateBody(request: PrimeCreateRequest): Record<string, unknown> {
  const environments = request.environments ?? [];
  if (environments.length === 0) {
    throw new ConfigurationError('A Prime hosted evaluation needs at least one environment (environments: [{ id }])');
  }
  const versioned = environments.find((env) => env.versionId !== undefined);
  if (versioned) {
    throw new ConfigurationError(
      `Prime hosted evaluations take environment ids without a version (environment_ids); remove versionId "${versioned.versionId}" of "${versioned.id}"`,
    );
  }
  if (typeof request.inferenceModel !== 'string' || request.inferenceModel.trim() === '') {
    throw new ConfigurationError('A Prime hosted evaluation needs inferenceModel (a model of GET /api/v1/hosted-evaluations/models)');
  }
  return definedOnly({
    environment_ids: environments.map((env) => env.id),
    inference_model: request.inferenceModel,
    eval_config: completeEvalConfig(request.evalConfig),
    team_id: request.teamId,
    name: request.name,
  });
}

/**
 * The body of the `PUT /api/v1/evaluations/{id}` that follows a hosted create: the hosted create takes no tags or
 * metadata, and re-runs find their evaluation by them. Undefined when there is nothing to add.
 */
export function primeHostedUpdateBody(request: PrimeCreateRequest): Record<string, unknown> | undefined {
  const body = describedBy(request);
  return Object.keys(body).length > 0 ? body : undefined;
}

/** What the hosted create answered, completed with what was asked, as an evaluation. */
export function mapHostedCreated(wire: PrimeHostedCreatedWire, request: PrimeCreateRequest): Evaluation {
  return mapPrimeEvaluation({
    evaluation_id: wire.evaluation_id ?? wire.evaluation_ids?.[0] ?? null,
    name: request.name,
    status: wire.status ?? '',
    is_hosted: true,
    inference_model: request.inferenceModel ?? null,
    environment_ids: request.environments?.map((env) => env.id) ?? null,
    tags: request.tags ?? null,
    metadata: request.metadata ?? null,
  });
}
