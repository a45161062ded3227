import { UnsupportedOperationError, type EvalClient, type Evaluation } from '@evalgate/core';
import type { ProviderDefinition } from '@evalgate/core/testing';
import type { AcmeCreateRequest } from './request.js';

/**
 * Core's part of Acme as the extension's tests see it. Core's real Acme client lives in core's tests (a package's
 * tests are private to it), so this stands in with an in-memory server: the extension only ever sees `EvalClient`.
 */
export class AcmeBackend {
  readonly jobs: Evaluation[] = [];
  readonly gets: string[] = [];

  add(job: Omit<Evaluation, 'provider' | 'capabilities'>): Evaluation {
    const evaluation: Evaluation = { ...job, provider: 'acme', capabilities: { canCancel: job.status === 'running', canFinalize: false } };
    this.jobs.unshift(evaluation);
    return evaluation;
  }

  client(baseUrl: string): EvalClient {
    const find = (id: string) => {
      const job = this.jobs.find((candidate) => candidate.id === id);
      if (!job) throw new Error(`no acme job ${id}`);
      return job;
    };
    return {
      provider: 'acme',
      baseUrl,
      capabilities: { cancel: true, finalize: false, pushSamples: false, metadata: true, tags: false, groups: false, samples: false },
      create: async (request) => {
        const acme = request as AcmeCreateRequest;
        return this.add({ id: `job-${this.jobs.length + 1}`, name: `${acme.suite} · ${acme.model}`, status: 'queued', rawStatus: 'WAITING' });
      },
      get: async (id) => {
        this.gets.push(id);
        const job = find(id);
        return job.status === 'completed' ? { ...job, scores: { avg: 0.5, min: 0.5, max: 0.5, count: 2 } } : job;
      },
      // List rows of a finished job lack its score, as Acme's list does.
      listPage: async () => ({ items: this.jobs.map(({ scores: _omitted, ...row }) => row) }),
      list: () => ({ [Symbol.asyncIterator]: async function* () {} }),
      cancel: async (id) => find(id),
      finalize: async (id) => find(id),
      pushSamples: () => Promise.reject(new UnsupportedOperationError('acme', 'pushing samples')),
      waitForCompletion: async (id) => find(id),
    };
  }
}

export const acmeCoreDefinition = (backend: AcmeBackend): ProviderDefinition<'acme', AcmeCreateRequest> => ({
  name: 'acme',
  label: 'Acme Evals (test only)',
  defaultBaseUrl: 'https://api.acme.invalid',
  capabilities: { cancel: true, finalize: false, pushSamples: false, metadata: true, tags: false, groups: false, samples: false },
  statusTable: { statuses: { WAITING: 'queued', WORKING: 'running', DONE: 'completed' }, caseInsensitive: false },
  createClient: (context) => backend.client(context.baseUrl),
});
