/** Nugen Evaluations routes under `/api/v3`: create, status, results, list and delete (no cancel). */
import type { z } from 'zod';
import { offsetPage } from '../../http/pagination.js';
import { json, type Reply } from '../../http/reply.js';
import type { Route } from '../../http/router.js';
import { queryObject, validateBody, validateValue } from '../../http/validate.js';
import { nugenId } from '../../ids.js';
import type { EmulatorState } from '../../state.js';
import type { NugenEvaluation } from '../../store.js';
import { isoSeconds } from '../../time-format.js';
import type { ProviderApi } from '../provider.js';
import { nugenDetail, nugenErrors, nugenValidationError } from './errors.js';
import { createEvaluationSchema, listQuerySchema } from './schemas.js';
import { downloadObject, listItem, nugenPhaseOfRaw, nugenRawStatus, nugenState, resultsObject, statusObject } from './views.js';

const NOT_FOUND = 'Evaluation not found';

export function createNugenApi(state: EmulatorState): ProviderApi {
  const evaluations = () => state.store.nugen;

  function create(body: z.infer<typeof createEvaluationSchema>, createdAt?: number): NugenEvaluation {
    const { ordinal, sim, scores } = state.newSimulation('nugen', { createdAt });
    const modelId2 = body.model_id_2 ?? null;
    return evaluations().add({
      id: nugenId(),
      ordinal,
      sim,
      scores,
      modelId: body.model_id,
      modelId2,
      benchmarkId: body.benchmark_id,
      customMetrics: body.custom_metrics ?? null,
      comparisonScores: modelId2 === null ? null : state.secondaryScores(ordinal, scores.length),
    });
  }

  const withEvaluation = (id: string | undefined, handle: (record: NugenEvaluation) => Reply): Reply => {
    const record = id === undefined ? undefined : evaluations().get(id);
    return record ? handle(record) : nugenDetail(404, NOT_FOUND);
  };

  const routes: Route[] = [
    {
      method: 'POST',
      pattern: '/api/v3/evaluations',
      handler: ({ body, now }) => {
        const parsed = validateBody(createEvaluationSchema, body);
        if (!parsed.ok) return nugenValidationError(parsed.issues);
        const record = create(parsed.data, now);
        return json(200, {
          evaluation_id: record.id,
          model_id: record.modelId,
          status: 'PROCESSING',
          benchmark_id: record.benchmarkId,
          created_at: isoSeconds(record.sim.createdAt),
          message: 'Evaluation created successfully and queued for execution',
        });
      },
    },
    {
      method: 'GET',
      pattern: '/api/v3/evaluations',
      handler: ({ query, now }) => {
        const parsed = validateValue(listQuerySchema, queryObject(query));
        if (!parsed.ok) return nugenValidationError(parsed.issues, 'query');
        const { offset, limit } = parsed.data;
        const all = evaluations().newestFirst();
        return json(200, {
          evaluations: offsetPage(all, offset, limit).map((record) => listItem(record, now)),
          total: all.length,
          offset,
          limit,
        });
      },
    },
    {
      method: 'GET',
      pattern: '/api/v3/evaluations/:id/status',
      handler: ({ params, now }) => withEvaluation(params.id, (record) => json(200, statusObject(record, now))),
    },
    {
      method: 'GET',
      pattern: '/api/v3/evaluations/:id/results',
      handler: ({ params, now }) =>
        withEvaluation(params.id, (record) => {
          const { state: lifecycle } = nugenState(record, now);
          if (lifecycle.phase === 'failed' || lifecycle.phase === 'timed_out' || lifecycle.phase === 'cancelled') {
            return nugenDetail(400, 'Evaluation failed; no results are available');
          }
          if (lifecycle.phase !== 'completed') return nugenDetail(400, 'Evaluation is not complete');
          return json(200, resultsObject(record, lifecycle, state.origin));
        }),
    },
    {
      method: 'GET',
      pattern: '/api/v3/evaluations/:id/download',
      handler: ({ params, now }) =>
        withEvaluation(params.id, (record) => {
          const { state: lifecycle } = nugenState(record, now);
          if (lifecycle.phase !== 'completed') return nugenDetail(400, 'Evaluation is not complete');
          return json(200, downloadObject(record, lifecycle), {
            'content-disposition': `attachment; filename=evaluation_results_${record.id}.json`,
          });
        }),
    },
    {
      method: 'DELETE',
      pattern: '/api/v3/evaluations/:id',
      handler: ({ params }) =>
        withEvaluation(params.id, (record) => {
          evaluations().remove(record.id);
          return json(200, { message: 'Evaluation deleted successfully' });
        }),
    },
  ];

  return {
    provider: 'nugen',
    prefix: '/api/v3',
    routes,
    errors: nugenErrors,
    rawStatus: nugenRawStatus,
    phaseOfRaw: nugenPhaseOfRaw,
    records: () => evaluations().oldestFirst(),
    find: (id) => evaluations().get(id),
    initialize: () => {},
    seed: (count) => {
      const now = state.clock();
      for (let i = 0; i < count; i++) {
        create({ model_id: `seeded-model-${i + 1}`, benchmark_id: 'seeded-benchmark' }, now - (count - i));
      }
    },
  };
}
