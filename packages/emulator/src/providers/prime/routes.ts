/** Prime Intellect Evaluations under `/api/v1`: the evaluation routes here, the hosted ones in hosted-routes.ts. */
import { offsetPage } from '../../http/pagination.js';
import { json } from '../../http/reply.js';
import type { Route } from '../../http/router.js';
import { queryObject, validateBody, validateValue } from '../../http/validate.js';
import { isTerminal } from '../../lifecycle.js';
import type { EmulatorState } from '../../state.js';
import { PRIME_EVALUATIONS, type PrimeEvaluation } from './records-store.js';
import type { ProviderApi } from '../provider.js';
import { primeDetail, primeErrors, primeValidationError } from './errors.js';
import { hostedRoutes } from './hosted-routes.js';
import { inListOrder } from './list-order.js';
import { evaluationLookup } from './lookup.js';
import { addPrimeRecord, storedEvalConfig } from './records.js';
import {
  bulkDeleteSchema,
  createEvaluationSchema,
  finalizeSchema,
  listQuerySchema,
  pushSamplesSchema,
  samplesQuerySchema,
  updateEvaluationSchema,
} from './schemas.js';
import { primeCreated, primeEvaluation, primePhaseOfRaw, primeRawStatus, primeSamples, primeState, primeStats, viewerUrl } from './views.js';

const numberOf = (sample: Record<string, unknown>): number | undefined => {
  const { reward, score } = sample;
  return typeof reward === 'number' ? reward : typeof score === 'number' ? score : undefined;
};

export function createPrimeApi(state: EmulatorState): ProviderApi {
  const evaluations = () => state.store.of(PRIME_EVALUATIONS);
  const withEvaluation = evaluationLookup(state);

  const matchesFilters = (
    record: PrimeEvaluation,
    query: { team_id?: string | undefined; environment_id?: string | undefined; environment_name?: string | undefined; suite_id?: string | undefined },
  ): boolean =>
    (query.team_id === undefined || record.teamId === query.team_id) &&
    (query.environment_id === undefined || (record.environmentIds ?? []).includes(query.environment_id)) &&
    // The emulator knows no environment names; an environment's id stands for its name.
    (query.environment_name === undefined || (record.environmentIds ?? []).includes(query.environment_name)) &&
    (query.suite_id === undefined || record.suiteId === query.suite_id);

  const routes: Route[] = [
    {
      // Push flow. `is_hosted: true` is stored and echoed, but nothing starts (QUIRKS PRIME-1 choice).
      method: 'POST',
      pattern: '/api/v1/evaluations',
      handler: ({ body, now }) => {
        const parsed = validateBody(createEvaluationSchema, body);
        if (!parsed.ok) return primeValidationError(parsed.issues);
        const request = parsed.data;
        const record = addPrimeRecord(state, {
          name: request.name,
          runs: false,
          hosted: request.is_hosted ?? false,
          environmentIds: request.environments ? request.environments.map((env) => env.id) : null,
          body: request,
          createdAt: now,
        });
        return json(201, primeCreated(record, now, state.origin));
      },
    },
    {
      method: 'GET',
      pattern: '/api/v1/evaluations',
      handler: ({ query, now }) => {
        const parsed = validateValue(listQuerySchema, queryObject(query));
        if (!parsed.ok) return primeValidationError(parsed.issues);
        const { skip, limit } = parsed.data;
        const matching = evaluations()
          .oldestFirst()
          .filter((record) => matchesFilters(record, parsed.data));
        const ordered = inListOrder(matching, state.settings.primeListOrder, state.seed);
        return json(200, {
          evaluations: offsetPage(ordered, skip, limit).map((record) => primeEvaluation(record, now, state.origin)),
          total: ordered.length,
          skip,
          limit,
        });
      },
    },
    {
      method: 'POST',
      pattern: '/api/v1/evaluations/bulk-delete',
      handler: ({ body }) => {
        const parsed = validateBody(bulkDeleteSchema, body);
        if (!parsed.ok) return primeValidationError(parsed.issues);
        const successful: string[] = [];
        const failed: string[] = [];
        for (const id of parsed.data.evaluation_ids) (evaluations().remove(id) ? successful : failed).push(id);
        return json(200, { success_count: successful.length, failure_count: failed.length, successful_ids: successful, failed_ids: failed });
      },
    },
    {
      method: 'GET',
      pattern: '/api/v1/evaluations/:id',
      handler: ({ params, now }) => withEvaluation(params.id, (record) => json(200, primeEvaluation(record, now, state.origin))),
    },
    {
      method: 'PUT',
      pattern: '/api/v1/evaluations/:id',
      handler: ({ params, body, now }) =>
        withEvaluation(params.id, (record) => {
          const parsed = validateBody(updateEvaluationSchema, body);
          if (!parsed.ok) return primeValidationError(parsed.issues);
          applyUpdate(record, parsed.data);
          record.updatedAt = now;
          return json(200, { evaluation_id: record.id, name: record.name, status: primeState(record, now).status, updated_at: new Date(now).toISOString() });
        }),
    },
    {
      method: 'DELETE',
      pattern: '/api/v1/evaluations/:id',
      handler: ({ params }) =>
        withEvaluation(params.id, (record) => {
          evaluations().remove(record.id);
          return json(200, { evaluation_id: record.id, message: 'Evaluation deleted' });
        }),
    },
    {
      method: 'POST',
      pattern: '/api/v1/evaluations/:id/samples',
      handler: ({ params, body, now }) =>
        withEvaluation(params.id, (record) => {
          const parsed = validateBody(pushSamplesSchema, body);
          if (!parsed.ok) return primeValidationError(parsed.issues);
          if (record.hosted && !record.dormant) return primeDetail(409, 'Samples can only be pushed to non-hosted evaluations');
          if (isTerminal(primeState(record, now).state.phase)) {
            return primeDetail(409, 'Evaluation is already finalized; samples can no longer be added');
          }
          for (const sample of parsed.data.samples) {
            record.samples.push(sample);
            const value = numberOf(sample);
            if (value !== undefined) record.scores.push(value);
          }
          record.samplesAdded += parsed.data.samples.length;
          record.updatedAt = now;
          return json(200, { evaluation_id: record.id, samples_pushed: parsed.data.samples.length, status: primeState(record, now).status });
        }),
    },
    {
      method: 'GET',
      pattern: '/api/v1/evaluations/:id/samples',
      handler: ({ params, query, now }) =>
        withEvaluation(params.id, (record) => {
          const parsed = validateValue(samplesQuerySchema, queryObject(query));
          if (!parsed.ok) return primeValidationError(parsed.issues);
          const { page, limit } = parsed.data;
          const samples = primeSamples(record, primeState(record, now).state);
          return json(200, {
            evaluation_id: record.id,
            samples: samples.slice((page - 1) * limit, page * limit),
            total: samples.length,
            page,
            limit,
            total_pages: Math.ceil(samples.length / limit),
          });
        }),
    },
    {
      method: 'POST',
      pattern: '/api/v1/evaluations/:id/finalize',
      handler: ({ params, body, now }) =>
        withEvaluation(params.id, (record) => {
          const parsed = validateBody(finalizeSchema, body, null);
          if (!parsed.ok) return primeValidationError(parsed.issues);
          const before = primeState(record, now);
          if (record.hosted && !record.dormant && !isTerminal(before.state.phase)) {
            return primeDetail(409, 'Evaluation is still running; wait for it to finish before finalizing');
          }
          const alreadyFinal = isTerminal(before.state.phase);
          if (!alreadyFinal) {
            record.sim.finalizedAt = now;
            record.updatedAt = now;
          }
          if (parsed.data?.metrics) record.metrics = parsed.data.metrics;
          const { state: after, status } = primeState(record, now);
          return json(200, {
            evaluation_id: record.id,
            status,
            message: alreadyFinal ? 'Evaluation already finalized' : 'Evaluation finalized successfully',
            ...primeStats(record, after),
            viewer_url: viewerUrl(state.origin, record.id),
          });
        }),
    },
    ...hostedRoutes(state, withEvaluation),
  ];

  return {
    provider: 'prime',
    prefix: '/api/v1',
    routes,
    errors: primeErrors,
    rawStatus: primeRawStatus,
    phaseOfRaw: primePhaseOfRaw,
    records: () => evaluations().oldestFirst(),
    find: (id) => evaluations().get(id),
    initialize: () => {},
    seed: (count) => {
      const now = state.clock();
      for (let i = 0; i < count; i++) {
        addPrimeRecord(state, {
          name: `seeded evaluation ${i + 1}`,
          runs: true,
          hosted: true,
          environmentIds: ['seeded-env'],
          body: { inference_model: 'meta-llama/llama-3.1-8b-instruct', eval_config: { num_examples: 5, rollouts_per_example: 3 } },
          createdAt: now - (count - i),
        });
      }
    },
  };
}

function applyUpdate(record: PrimeEvaluation, update: Record<string, unknown> & { eval_config?: Record<string, unknown> | null | undefined }): void {
  const text = (key: string): string | null | undefined => update[key] as string | null | undefined;
  if (text('name')) record.name = text('name') as string;
  if (update.description !== undefined) record.description = text('description') ?? null;
  if (update.tags !== undefined) record.tags = (update.tags as string[] | null) ?? [];
  if (update.metadata !== undefined) record.metadata = (update.metadata as Record<string, unknown> | null) ?? null;
  if (update.metrics !== undefined) record.metrics = (update.metrics as Record<string, unknown> | null) ?? null;
  if (update.model_name !== undefined) record.modelName = text('model_name') ?? null;
  if (update.dataset !== undefined) record.dataset = text('dataset') ?? null;
  if (update.framework !== undefined) record.framework = text('framework') ?? null;
  if (update.task_type !== undefined) record.taskType = text('task_type') ?? null;
  if (update.inference_model !== undefined) record.inferenceModel = text('inference_model') ?? null;
  if (update.eval_config !== undefined) record.evalConfig = storedEvalConfig(update.eval_config);
  if (typeof update.is_public === 'boolean') record.isPublic = update.is_public;
  if (typeof update.show_on_leaderboard === 'boolean') record.showOnLeaderboard = update.show_on_leaderboard;
}
