/**
 * Nugen Evaluations routes under `/api/v3`, as documented: create (with or without a trailing slash — the router
 * ignores it, NUGEN-8), status, results, download, list and delete. No cancel and no get-one: `GET …/{id}` is 405
 * because only DELETE lives on that path (NUGEN-7).
 */
import type { z } from 'zod';
import type { Phase } from '../../lifecycle.js';
import { offsetPage } from '../../http/pagination.js';
import { json, type Reply } from '../../http/reply.js';
import type { Route } from '../../http/router.js';
import { queryObject, validateBody, validateValue } from '../../http/validate.js';
import { nugenId } from '../../ids.js';
import type { EmulatorState } from '../../state.js';
import { NUGEN_EVALUATIONS, type NugenEvaluation } from './records-store.js';
import { isoSeconds } from '../../time-format.js';
import type { ProviderApi } from '../provider.js';
import { nugenDetail, nugenErrors, nugenValidationError } from './errors.js';
import { createEvaluationSchema, listQuerySchema } from './schemas.js';
import { downloadFile, isComparison, listItem, nugenState, resultsObject, statusObject } from './views.js';
import { matchesStatusFilter, nugenPhaseOfWord, nugenStatusWord } from './vocabulary.js';

const NOT_FOUND = 'Evaluation not found';
const DEFAULT_JUDGE = 'anthropic';

export function createNugenApi(state: EmulatorState): ProviderApi {
  const evaluations = () => state.store.of(NUGEN_EVALUATIONS);
  const statusCase = () => state.settings.nugenStatusCase;

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
      judgeProvider: body.judge_provider ?? DEFAULT_JUDGE,
      customMetrics: body.custom_metrics ?? null,
      comparisonScores: modelId2 === null ? null : state.secondaryScores(ordinal, scores.length),
    });
  }

  const withEvaluation = (id: string | undefined, handle: (record: NugenEvaluation) => Reply): Reply => {
    const record = id === undefined ? undefined : evaluations().get(id);
    return record ? handle(record) : nugenDetail(404, NOT_FOUND);
  };

  /** Results and download: 400 until the evaluation is READY (the docs' "not completed yet"). */
  const whenCompleted = (id: string | undefined, now: number, reply: (record: NugenEvaluation, lifecycle: ReturnType<typeof nugenState>) => Reply): Reply =>
    withEvaluation(id, (record) => {
      const current = nugenState(record, now, statusCase());
      if (current.state.phase === 'completed') return reply(record, current);
      const failed = current.state.phase !== 'queued' && current.state.phase !== 'running';
      return nugenDetail(400, failed ? 'Evaluation failed; no results are available' : 'Evaluation not completed yet');
    });

  const listOrder = (): NugenEvaluation[] =>
    state.settings.nugenListOrder === 'newest-first' ? evaluations().newestFirst() : [...evaluations().oldestFirst()];

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
          // "Initial status (always PROCESSING)"; the older vocabulary has pending for it.
          status: nugenStatusWord('queued', statusCase()),
          benchmark_id: record.benchmarkId,
          judge_provider: record.judgeProvider,
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
        const { offset, limit, status, model_id: modelId } = parsed.data;
        const matching = listOrder().filter((record) => {
          if (modelId !== undefined && record.modelId !== modelId) return false;
          return status === undefined || matchesStatusFilter(status, nugenState(record, now, statusCase()).state.phase);
        });
        return json(200, {
          user_id: 'user-emulator',
          evaluations: offsetPage(matching, offset, limit).map((record) => listItem(record, now, statusCase())),
          total: matching.length,
          limit,
          offset,
        });
      },
    },
    {
      method: 'GET',
      pattern: '/api/v3/evaluations/:id/status',
      handler: ({ params, now }) => withEvaluation(params.id, (record) => json(200, statusObject(record, now, statusCase()))),
    },
    {
      method: 'GET',
      pattern: '/api/v3/evaluations/:id/results',
      handler: ({ params, now }) => whenCompleted(params.id, now, (record, current) => json(200, resultsObject(record, current.state, current.status))),
    },
    {
      method: 'GET',
      pattern: '/api/v3/evaluations/:id/download',
      handler: ({ params, now }) =>
        whenCompleted(params.id, now, (record, current) => {
          const kind = isComparison(record) ? 'comparison' : 'results';
          const file = downloadFile(record, current.state, current.status);
          // A pretty-printed JSON attachment, as the download page describes it.
          return {
            status: 200,
            body: file,
            rawBody: JSON.stringify(file, null, 2),
            headers: { 'content-disposition': `attachment; filename=evaluation_${kind}_${record.id}.json` },
          };
        }),
    },
    {
      method: 'DELETE',
      pattern: '/api/v3/evaluations/:id',
      handler: ({ params }) =>
        withEvaluation(params.id, (record) => {
          evaluations().remove(record.id);
          return json(200, { id: record.id, message: 'Successfully deleted evaluation' });
        }),
    },
  ];

  return {
    provider: 'nugen',
    prefix: '/api/v3',
    routes,
    errors: nugenErrors,
    rawStatus: (phase: Phase) => nugenStatusWord(phase, statusCase()),
    phaseOfRaw: nugenPhaseOfWord,
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
