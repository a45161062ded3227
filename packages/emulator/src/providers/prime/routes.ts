/** Prime Intellect Evaluations routes under `/api/v1`. */
import { offsetPage } from '../../http/pagination.js';
import { json, type Reply } from '../../http/reply.js';
import type { Route } from '../../http/router.js';
import { queryObject, validateBody, validateValue } from '../../http/validate.js';
import { isTerminal } from '../../lifecycle.js';
import type { EmulatorState } from '../../state.js';
import type { PrimeEvaluation } from '../../store.js';
import { primeId } from '../../ids.js';
import type { ProviderApi } from '../provider.js';
import { primeDetail, primeErrors, primeValidationError } from './errors.js';
import { createEvaluationSchema, finalizeSchema, listQuerySchema, pushSamplesSchema, samplesQuerySchema } from './schemas.js';
import type { z } from 'zod';
import {
  primeCreated,
  primeEvaluation,
  primePhaseOfRaw,
  primeRawStatus,
  primeSamples,
  primeState,
  primeStats,
  viewerUrl,
} from './views.js';

const NOT_FOUND = 'Evaluation not found';

export function createPrimeApi(state: EmulatorState): ProviderApi {
  const evaluations = () => state.store.prime;

  function create(body: z.infer<typeof createEvaluationSchema>, createdAt?: number): PrimeEvaluation {
    const hosted = body.is_hosted ?? false;
    const { ordinal, sim, scores } = state.newSimulation('prime', { clientDriven: !hosted, createdAt });
    const evalType = body.suite_id ? 'suite' : body.run_id ? 'training' : 'environment';
    return evaluations().add({
      id: primeId(),
      ordinal,
      sim,
      scores,
      name: body.name,
      hosted,
      evalType,
      environmentIds: body.environments ? body.environments.map((env) => env.id) : null,
      versionId: body.environments?.[0]?.version_id ?? null,
      suiteId: body.suite_id ?? null,
      runId: body.run_id ?? null,
      inferenceModel: body.inference_model ?? null,
      tags: body.tags ?? [],
      metadata: body.metadata ?? null,
      metrics: body.metrics ?? null,
      samplesAdded: 0,
      updatedAt: sim.createdAt,
    });
  }

  const withEvaluation = (id: string | undefined, handle: (record: PrimeEvaluation) => Reply): Reply => {
    const record = id === undefined ? undefined : evaluations().get(id);
    return record ? handle(record) : primeDetail(404, NOT_FOUND);
  };

  const routes: Route[] = [
    {
      method: 'POST',
      pattern: '/api/v1/evaluations',
      handler: ({ body, now }) => {
        const parsed = validateBody(createEvaluationSchema, body);
        if (!parsed.ok) return primeValidationError(parsed.issues);
        return json(201, primeCreated(create(parsed.data, now), now, state.origin));
      },
    },
    {
      method: 'GET',
      pattern: '/api/v1/evaluations',
      handler: ({ query, now }) => {
        const parsed = validateValue(listQuerySchema, queryObject(query));
        if (!parsed.ok) return primeValidationError(parsed.issues);
        const { skip, limit } = parsed.data;
        const all = evaluations().newestFirst();
        return json(200, {
          evaluations: offsetPage(all, skip, limit).map((record) => primeEvaluation(record, now, state.origin)),
          total: all.length,
          skip,
          limit,
        });
      },
    },
    {
      method: 'GET',
      pattern: '/api/v1/evaluations/:id',
      handler: ({ params, now }) =>
        withEvaluation(params.id, (record) => json(200, primeEvaluation(record, now, state.origin))),
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
      pattern: '/api/v1/evaluations/:id/samples',
      handler: ({ params, body, now }) =>
        withEvaluation(params.id, (record) => {
          const parsed = validateBody(pushSamplesSchema, body);
          if (!parsed.ok) return primeValidationError(parsed.issues);
          if (record.hosted) return primeDetail(409, 'Samples can only be pushed to non-hosted evaluations');
          if (isTerminal(primeState(record, now).state.phase)) {
            return primeDetail(409, 'Evaluation is already finalized; samples can no longer be added');
          }
          for (const sample of parsed.data.samples) {
            if (typeof sample.score === 'number') record.scores.push(sample.score);
            (record.pushedSamples ??= []).push(sample);
          }
          record.samplesAdded += parsed.data.samples.length;
          record.updatedAt = now;
          return json(200, {
            evaluation_id: record.id,
            samples_added: parsed.data.samples.length,
            total_samples: record.samplesAdded,
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
          if (record.hosted && !isTerminal(before.state.phase)) {
            return primeDetail(409, 'Evaluation is still running; wait for it to finish before finalizing');
          }
          const alreadyFinal = isTerminal(before.state.phase);
          if (!record.hosted && !alreadyFinal) {
            record.sim.finalizedAt = now;
            record.updatedAt = now;
            if (parsed.data?.metrics) record.metrics = parsed.data.metrics;
          }
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
    {
      method: 'PATCH',
      pattern: '/api/v1/hosted-evaluations/:id/cancel',
      handler: ({ params, now }) =>
        withEvaluation(params.id, (record) => {
          if (!record.hosted) return primeDetail(400, 'Only hosted evaluations can be cancelled');
          if (isTerminal(primeState(record, now).state.phase)) {
            return primeDetail(409, 'Evaluation is already in a terminal state');
          }
          record.sim.cancelledAt = now;
          record.updatedAt = now;
          return json(200, { evaluation_id: record.id, status: 'CANCELLED', message: 'Evaluation cancelled' });
        }),
    },
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
        create({ name: `seeded evaluation ${i + 1}`, is_hosted: true }, now - (count - i));
      }
    },
  };
}
