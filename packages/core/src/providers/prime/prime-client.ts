import type { Evaluation, Page } from '../../domain/evaluation.js';
import type { ListPageOptions, ProviderCapabilities, RequestOptions } from '../../domain/client.js';
import type { CreateEvaluationRequest, PrimeSample } from '../../domain/requests.js';
import { ConfigurationError } from '../../errors.js';
import { path } from '../../http/path.js';
import { BaseEvalClient } from '../base-client.js';
import { offsetCursor, offsetPageOf, pageSize, requireId } from '../wire-helpers.js';
import { mapPrimeEvaluation, primeCreateBody, withFinalizeResult } from './mapper.js';
import {
  primeCancelResponse,
  primeEvaluation,
  primeEvaluationList,
  primeFinalizeResponse,
  primeSamplesPage,
  primeSamplesResponse,
} from './wire.js';
import type { ListSamplesOptions, SampleList } from '../../domain/samples.js';
import { maxSamplesOf } from '../sample-helpers.js';
import { mapPrimeSample } from './sample-mapper.js';

/** The Prime API's ceiling for one `POST .../samples`. */
export const PRIME_MAX_SAMPLES_PER_REQUEST = 500;
const PRIME_MAX_PAGE_SIZE = 100;
const PRIME_DEFAULT_PAGE_SIZE = 50;
/** The spec's ceiling for `limit` on `GET .../samples`. */
const PRIME_MAX_SAMPLES_PAGE = 1000;

export class PrimeClient extends BaseEvalClient {
  readonly provider = 'prime' as const;
  readonly capabilities: ProviderCapabilities = { cancel: true, finalize: true, pushSamples: true };

  async create(request: CreateEvaluationRequest, options: RequestOptions = {}): Promise<Evaluation> {
    const prime = this.expectRequest(request, 'prime');
    if (typeof prime.name !== 'string' || prime.name.trim() === '') {
      throw new ConfigurationError('Prime create request needs a non-empty name');
    }
    const created = await this.context.http.request({
      method: 'POST',
      path: '/api/v1/evaluations/',
      body: primeCreateBody(prime),
      schema: primeEvaluation,
      idempotent: false,
      options,
    });
    return mapPrimeEvaluation(created, prime.isHosted ?? false);
  }

  async get(id: string, options: RequestOptions = {}): Promise<Evaluation> {
    const wire = await this.context.http.request({
      method: 'GET',
      path: path`/api/v1/evaluations/${requireId(id)}`,
      schema: primeEvaluation,
      options,
    });
    return mapPrimeEvaluation(wire);
  }

  async listPage(options: ListPageOptions = {}): Promise<Page<Evaluation>> {
    const skip = offsetCursor(options.cursor);
    const limit = pageSize(options.pageSize, PRIME_DEFAULT_PAGE_SIZE, PRIME_MAX_PAGE_SIZE);
    const wire = await this.context.http.request({
      method: 'GET',
      path: '/api/v1/evaluations/',
      query: { skip, limit },
      schema: primeEvaluationList,
      options,
    });
    const items = wire.evaluations.map((evaluation) => mapPrimeEvaluation(evaluation));
    return offsetPageOf(items, skip, limit, wire.total);
  }

  /** Only hosted evaluations can be cancelled; Prime answers 400 for client-driven ones, 409 when already terminal. */
  async cancel(id: string, options: RequestOptions = {}): Promise<Evaluation> {
    await this.context.http.request({
      method: 'PATCH',
      path: path`/api/v1/hosted-evaluations/${requireId(id)}/cancel`,
      schema: primeCancelResponse,
      options,
    });
    return this.get(id, options);
  }

  /** Computes the final statistics (idempotent on Prime's side), then returns the whole evaluation. */
  async finalize(id: string, options: RequestOptions = {}): Promise<Evaluation> {
    const result = await this.context.http.request({
      method: 'POST',
      path: path`/api/v1/evaluations/${requireId(id)}/finalize`,
      body: {},
      schema: primeFinalizeResponse,
      idempotent: true,
      options,
    });
    return withFinalizeResult(await this.get(id, options), result);
  }

  /** Pushes samples in order, `batchSize` (≤ 500) per request. Not retried after a reset: that could duplicate samples. */
  async pushSamples(
    id: string,
    samples: PrimeSample[],
    options: RequestOptions & { batchSize?: number } = {},
  ): Promise<void> {
    requireId(id);
    const { batchSize = PRIME_MAX_SAMPLES_PER_REQUEST, ...requestOptions } = options;
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > PRIME_MAX_SAMPLES_PER_REQUEST) {
      throw new ConfigurationError(
        `batchSize must be an integer from 1 to ${PRIME_MAX_SAMPLES_PER_REQUEST} (Prime's limit per request); got ${String(batchSize)}`,
      );
    }
    if (!Array.isArray(samples)) throw new ConfigurationError('samples must be an array of objects');
    for (let start = 0; start < samples.length; start += batchSize) {
      await this.context.http.request({
        method: 'POST',
        path: path`/api/v1/evaluations/${id}/samples`,
        body: { samples: samples.slice(start, start + batchSize) },
        schema: primeSamplesResponse,
        idempotent: false,
        options: requestOptions,
      });
    }
  }

  /** `GET /api/v1/evaluations/{id}/samples`, page 1, 2, … until `total_pages`, an empty page or `maxSamples`. */
  async listSamples(id: string, options: ListSamplesOptions = {}): Promise<SampleList> {
    requireId(id);
    const { maxSamples, ...requestOptions } = options;
    const max = maxSamplesOf(maxSamples);
    const limit = Math.min(max, PRIME_MAX_SAMPLES_PAGE);
    const raw: Array<Record<string, unknown>> = [];
    let total: number | undefined;
    for (let page = 1; ; page += 1) {
      const wire = await this.context.http.request({
        method: 'GET',
        path: path`/api/v1/evaluations/${id}/samples`,
        query: { page, limit },
        schema: primeSamplesPage,
        options: requestOptions,
      });
      total = wire.total ?? undefined;
      raw.push(...wire.samples);
      const lastPage = wire.total_pages ?? (wire.samples.length < limit ? page : undefined);
      if (wire.samples.length === 0 || raw.length >= max || (lastPage !== undefined && page >= lastPage)) break;
    }
    const samples = raw.slice(0, max).map((sample, index) => mapPrimeSample(sample, index));
    const truncated = raw.length > max || (total !== undefined && total > samples.length);
    return { samples, ...(total !== undefined ? { total } : {}), truncated };
  }
}
