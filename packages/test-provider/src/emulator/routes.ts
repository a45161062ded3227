/** Acme's fictional job API under `/acme/v1`: create, get, list (token-paged, rows without the score), stop. */
import { randomUUID } from 'node:crypto';
import { average, effectiveState, isTerminal, json, type EmulatorState, type ProviderApi, type Reply, type Route } from '@evalgate/emulator/testing';
import * as z from 'zod';
import { acmeError, acmeErrors } from './errors.js';
import { ACME_JOBS, type AcmeJob } from './records-store.js';
import { acmePhaseOf, acmeState } from './vocabulary.js';

const createBody = z.object({ suite: z.string().min(1), model: z.string().min(1), labels: z.record(z.string(), z.string()).optional() }).strict();

export function createAcmeApi(state: EmulatorState): ProviderApi {
  const jobs = () => state.store.of(ACME_JOBS);

  function create(body: z.infer<typeof createBody>, createdAt?: number): AcmeJob {
    const { ordinal, sim, scores } = state.newSimulation('acme', createdAt === undefined ? {} : { createdAt });
    return jobs().add({ id: `job-${randomUUID()}`, ordinal, sim, scores, suite: body.suite, model: body.model, labels: body.labels ?? null });
  }

  function view(job: AcmeJob, now: number): Record<string, unknown> {
    const forced = job.sim.forcedStatus;
    const lifecycle = effectiveState(job.sim, now, forced === null ? null : acmePhaseOf(forced));
    const total = job.scores.length;
    return {
      id: job.id,
      suite: job.suite,
      model: job.model,
      state: forced ?? acmeState(lifecycle.phase),
      done: Math.round(lifecycle.progress * total),
      total,
      score_mean: lifecycle.phase === 'completed' ? average(job.scores) : null,
      labels: job.labels,
      created: new Date(job.sim.createdAt).toISOString(),
    };
  }

  const listRow = ({ score_mean: _score, ...row }: Record<string, unknown>): Record<string, unknown> => row;

  const withJob = (id: string | undefined, handle: (job: AcmeJob) => Reply): Reply => {
    const job = id === undefined ? undefined : jobs().get(id);
    return job ? handle(job) : acmeError(404, 'no such job');
  };

  const routes: Route[] = [
    {
      method: 'POST',
      pattern: '/acme/v1/jobs',
      handler: ({ body, now }) => {
        const parsed = createBody.safeParse(body.kind === 'json' ? body.value : undefined);
        if (!parsed.success) return acmeError(400, 'body needs { suite, model, labels? }');
        return json(201, { job: view(create(parsed.data), now) });
      },
    },
    {
      method: 'GET',
      pattern: '/acme/v1/jobs',
      handler: ({ query, now }) => {
        const limit = Math.min(100, Math.max(1, Number(query.get('limit') ?? 20) || 20));
        const start = Number(query.get('page_token') ?? 0) || 0;
        const all = jobs().newestFirst();
        const page = all.slice(start, start + limit);
        const next = start + page.length < all.length ? String(start + page.length) : null;
        // Like OpenAI's list, Acme's leaves the score out of its rows: a client reads a finished job once for it.
        return json(200, { jobs: page.map((job) => listRow(view(job, now))), next_page_token: next });
      },
    },
    { method: 'GET', pattern: '/acme/v1/jobs/:id', handler: ({ params, now }) => withJob(params.id, (job) => json(200, { job: view(job, now) })) },
    {
      method: 'POST',
      pattern: '/acme/v1/jobs/:id/stop',
      handler: ({ params, now }) =>
        withJob(params.id, (job) => {
          if (!isTerminal(effectiveState(job.sim, now, null).phase) && job.sim.cancelledAt === null) job.sim.cancelledAt = now;
          return json(200, { job: view(job, now) });
        }),
    },
  ];

  return {
    provider: 'acme',
    prefix: '/acme/v1',
    routes,
    errors: acmeErrors,
    rawStatus: acmeState,
    phaseOfRaw: acmePhaseOf,
    records: () => jobs().oldestFirst(),
    find: (id) => jobs().get(id),
    seed: (count) => {
      const now = state.clock();
      for (let i = 0; i < count; i++) create({ suite: 'seeded', model: `seeded-model-${i + 1}` }, now - (count - i));
    },
    initialize: () => {},
  };
}
