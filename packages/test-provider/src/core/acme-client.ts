import {
  UnsupportedOperationError,
  type CreateEvaluationRequest,
  type Evaluation,
  type ListPageOptions,
  type Page,
  type ProviderCapabilities,
  type RequestOptions,
} from '@evalgate/core';
import { BaseEvalClient, pageSize, path, requireId } from '@evalgate/core/testing';
import { ACME_CAPABILITIES } from './capabilities.js';
import { mapAcmeJob } from './mapper.js';
import { acmeJobEnvelope, acmeJobList } from './wire.js';

export class AcmeClient extends BaseEvalClient {
  readonly provider = 'acme' as const;
  readonly capabilities: ProviderCapabilities = ACME_CAPABILITIES;

  async create(request: CreateEvaluationRequest, options: RequestOptions = {}): Promise<Evaluation> {
    const acme = this.expectRequest(request, 'acme');
    requireId(acme.suite, 'suite');
    requireId(acme.model, 'model');
    const created = await this.context.http.request({
      method: 'POST',
      path: '/acme/v1/jobs',
      body: { suite: acme.suite, model: acme.model, ...(acme.labels ? { labels: acme.labels } : {}) },
      schema: acmeJobEnvelope,
      idempotent: false,
      options,
    });
    return mapAcmeJob(created.job);
  }

  async get(id: string, options: RequestOptions = {}): Promise<Evaluation> {
    const found = await this.context.http.request({ method: 'GET', path: path`/acme/v1/jobs/${requireId(id)}`, schema: acmeJobEnvelope, options });
    return mapAcmeJob(found.job);
  }

  // Up to 100 a page, like every shipped provider: the gate's re-attach and lost-create scans ask for 100.
  async listPage(options: ListPageOptions = {}): Promise<Page<Evaluation>> {
    const page = await this.context.http.request({
      method: 'GET',
      path: '/acme/v1/jobs',
      query: { limit: pageSize(options.pageSize, 20, 100), page_token: options.cursor },
      schema: acmeJobList,
      options,
    });
    return { items: page.jobs.map(mapAcmeJob), ...(page.next_page_token ? { nextCursor: page.next_page_token } : {}) };
  }

  async cancel(id: string, options: RequestOptions = {}): Promise<Evaluation> {
    const stopped = await this.context.http.request({
      method: 'POST',
      path: path`/acme/v1/jobs/${requireId(id)}/stop`,
      schema: acmeJobEnvelope,
      options,
    });
    return mapAcmeJob(stopped.job);
  }

  finalize(id: string, options: RequestOptions = {}): Promise<Evaluation> {
    return this.get(id, options);
  }

  pushSamples(): Promise<void> {
    return Promise.reject(new UnsupportedOperationError('acme', 'pushing samples'));
  }
}
