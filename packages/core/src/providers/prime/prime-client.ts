import { isTerminal, type Evaluation, type Page } from '../../domain/evaluation.js';
import type { ListPageOptions, ProviderCapabilities, RequestOptions } from '../../domain/client.js';
import type { CreateEvaluationRequest, PrimeCreateRequest, PrimeSample } from '../../domain/requests.js';
import { APIError, ConfigurationError, ConflictError, UnsupportedOperationError } from '../../errors.js';
import { path } from '../../http/path.js';
import { BaseEvalClient } from '../base-client.js';
import { PRIME_CAPABILITIES } from './capabilities.js';
import { offsetCursor, offsetPageOf, pageSize, requireId } from '../wire-helpers.js';
import { mapHostedCreated, mapPrimeEvaluation, primeCreateBody, primeHostedCreateBody, primeHostedUpdateBody, withFinalizeResult } from './mapper.js';
import { scoresOfSamples, withReward } from './samples.js';
import { primeRerunRequest } from './rerun.js';
import { lookupStatus } from '../status-table.js';
import { PRIME_STATUS_TABLE } from './statuses.js';
import { primeWire, type PrimeEvaluationWire } from './wire.js';
import type { ListSamplesOptions, SampleList } from '../../domain/samples.js';
import { maxSamplesOf } from '../sample-helpers.js';
import { mapPrimeSample } from './sample-mapper.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Samples per `POST .../samples`: the SDK batches by size (25 MiB); a count keeps each request small as well. */
export const PRIME_MAX_SAMPLES_PER_REQUEST = 500;
const PRIME_MAX_PAGE_SIZE = 100;
const PRIME_DEFAULT_PAGE_SIZE = 50;
const PRIME_SAMPLES_PAGE_SIZE = 1000;
/** Reading samples back stops after this many pages (100,000 samples). */
const PRIME_MAX_SAMPLE_PAGES = 100;

export class PrimeClient extends BaseEvalClient {
  readonly provider = 'prime' as const;
  readonly capabilities: ProviderCapabilities = PRIME_CAPABILITIES;

  /**
   * Hosted (`isHosted: true`): `POST /api/v1/hosted-evaluations`, which starts the run, then a `PUT` adding the
   * tags and metadata that endpoint does not take. Otherwise a client-driven record on `POST /api/v1/evaluations/`.
   */
  async create(request: CreateEvaluationRequest, options: RequestOptions = {}): Promise<Evaluation> {
    const prime = this.expectRequest(request, 'prime');
    if (typeof prime.name !== 'string' || prime.name.trim() === '') {
      throw new ConfigurationError('Prime create request needs a non-empty name');
    }
    if (prime.isHosted === true) return this.createHosted(prime, options);
    const created = await this.context.http.request({
      method: 'POST',
      path: '/api/v1/evaluations/',
      body: primeCreateBody(prime),
      schema: primeWire().primeEvaluation,
      idempotent: false,
      options,
    });
    return mapPrimeEvaluation(created, false);
  }

  private async createHosted(request: PrimeCreateRequest, options: RequestOptions): Promise<Evaluation> {
    const body = primeHostedCreateBody(request);
    const update = primeHostedUpdateBody(request);
    const created = await this.context.http.request({
      method: 'POST',
      path: '/api/v1/hosted-evaluations',
      body,
      schema: primeWire().primeHostedCreated,
      idempotent: false,
      options,
    });
    const evaluation = mapHostedCreated(created, request);
    const others = (created.evaluation_ids ?? []).filter((id) => id !== evaluation.id);
    if (others.length > 0) {
      this.context.logger?.warn(`Prime started one evaluation per environment; following ${evaluation.id}, not ${others.join(', ')}`);
    }
    if (update) {
      // The run has started and is billed: a failed update must not lose its id, so it only warns.
      try {
        await this.context.http.request({
          method: 'PUT',
          path: path`/api/v1/evaluations/${evaluation.id}`,
          body: update,
          schema: primeWire().primeUpdated,
          options,
        });
      } catch (error) {
        this.context.logger?.warn(`Could not add tags and metadata to Prime evaluation ${evaluation.id}: ${(error as Error).message}`);
      }
    }
    return evaluation;
  }

  async get(id: string, options: RequestOptions = {}): Promise<Evaluation> {
    return mapPrimeEvaluation(await this.readEvaluation(id, options));
  }

  /** A finished hosted run again, from what GET returns (prime/rerun.ts says what qualifies). */
  async rerunRequest(id: string, options: RequestOptions = {}): Promise<CreateEvaluationRequest> {
    const wire = await this.readEvaluation(id, options);
    const request = isTerminal(lookupStatus(PRIME_STATUS_TABLE, wire.status)) ? primeRerunRequest(wire) : undefined;
    if (!request) {
      throw new UnsupportedOperationError(
        'prime',
        `re-running ${id} (only a finished hosted evaluation of one environment, with its model and eval_config and no custom_secrets, can be started again)`,
      );
    }
    return request;
  }

  private readEvaluation(id: string, options: RequestOptions): Promise<PrimeEvaluationWire> {
    return this.context.http.request({
      method: 'GET',
      path: path`/api/v1/evaluations/${requireId(id)}`,
      schema: primeWire().primeEvaluation,
      options,
    });
  }

  /** One page in the server's order, which is undocumented (QUIRKS PRIME-3): search the whole list, not a page. */
  async listPage(options: ListPageOptions = {}): Promise<Page<Evaluation>> {
    const skip = offsetCursor(options.cursor);
    const limit = pageSize(options.pageSize, PRIME_DEFAULT_PAGE_SIZE, PRIME_MAX_PAGE_SIZE);
    const wire = await this.context.http.request({
      method: 'GET',
      path: '/api/v1/evaluations/',
      query: { skip, limit, environment_id: options.environmentId, environment_name: options.environmentName },
      schema: primeWire().primeEvaluationList,
      options,
    });
    const items = wire.evaluations.map((evaluation) => mapPrimeEvaluation(evaluation));
    return offsetPageOf(items, skip, limit, wire.total);
  }

  /**
   * Only hosted evaluations can be cancelled (`is_hosted` on GET decides): a client-driven one throws
   * `UnsupportedOperationError`, a finished one `ConflictError`.
   */
  async cancel(id: string, options: RequestOptions = {}): Promise<Evaluation> {
    const cancelPath = path`/api/v1/hosted-evaluations/${requireId(id)}/cancel`;
    const before = await this.get(id, options);
    this.assertCancellable(before, cancelPath);
    const answer = await this.context.http.request({ method: 'PATCH', path: cancelPath, schema: primeWire().primeCancelResponse, options });
    const after = await this.get(id, options);
    if (answer.success === false) {
      this.assertCancellable(after, cancelPath);
      throw new APIError(`prime did not cancel evaluation ${id}${answer.message ? `: ${answer.message}` : ''}`, {
        provider: 'prime',
        method: 'PATCH',
        path: cancelPath,
      });
    }
    return after;
  }

  private assertCancellable(evaluation: Evaluation, cancelPath: string): void {
    if (isTerminal(evaluation.status)) {
      throw new ConflictError(`prime evaluation ${evaluation.id} has already finished (${evaluation.rawStatus})`, {
        provider: 'prime',
        method: 'PATCH',
        path: cancelPath,
      });
    }
    if (!evaluation.capabilities.canCancel) {
      throw new UnsupportedOperationError(
        'prime',
        `cancelling evaluation ${evaluation.id}: it is client-driven (not hosted); only hosted evaluations can be cancelled`,
      );
    }
  }

  /**
   * Client-driven: `POST .../finalize` computes the final statistics. Hosted: nothing to finalize, the evaluation is
   * read. Either way, when Prime reports no avg/min/max, they are computed from the stored samples' `reward`
   * (else `score`), as QUIRKS PRIME-2 advises.
   */
  async finalize(id: string, options: RequestOptions = {}): Promise<Evaluation> {
    const current = await this.readEvaluation(id, options);
    let evaluation = mapPrimeEvaluation(current);
    if (current.is_hosted !== true) {
      const result = await this.context.http.request({
        method: 'POST',
        path: path`/api/v1/evaluations/${id}/finalize`,
        body: {},
        schema: primeWire().primeFinalizeResponse,
        idempotent: true,
        options,
      });
      evaluation = withFinalizeResult(await this.get(id, options), result);
    }
    if (evaluation.scores === undefined && evaluation.status === 'completed') {
      const scores = scoresOfSamples(await this.readSamples(id, options));
      if (scores) evaluation = { ...evaluation, scores };
    }
    return evaluation;
  }

  /**
   * The stored samples in domain form, read page by page (`GET .../samples`) up to `maxSamples`: for a viewer, not
   * for statistics (`finalize` reads them all).
   */
  async listSamples(id: string, options: ListSamplesOptions = {}): Promise<SampleList> {
    requireId(id);
    const { maxSamples, ...requestOptions } = options;
    const max = maxSamplesOf(maxSamples);
    const limit = Math.min(max, PRIME_SAMPLES_PAGE_SIZE);
    const raw: unknown[] = [];
    let total: number | undefined;
    for (let page = 1; page <= PRIME_MAX_SAMPLE_PAGES; page += 1) {
      const wire = await this.context.http.request({
        method: 'GET',
        path: path`/api/v1/evaluations/${id}/samples`,
        query: { page, limit },
        schema: primeWire().primeSamplesPage,
        options: requestOptions,
      });
      total = wire.total ?? undefined;
      raw.push(...wire.samples);
      const lastPage = typeof wire.total_pages === 'number' ? page >= wire.total_pages : wire.samples.length < limit;
      if (wire.samples.length === 0 || raw.length >= max || lastPage) break;
    }
    const samples = raw.slice(0, max).map((sample, index) => mapPrimeSample(isRecord(sample) ? sample : {}, index));
    const truncated = raw.length > max || (total !== undefined && total > samples.length);
    return { samples, ...(total !== undefined ? { total } : {}), truncated };
  }

  /** Every stored sample, page by page (`page`/`limit`/`total_pages`), bounded by `PRIME_MAX_SAMPLE_PAGES`. */
  private async readSamples(id: string, options: RequestOptions): Promise<unknown[]> {
    const samples: unknown[] = [];
    for (let page = 1; page <= PRIME_MAX_SAMPLE_PAGES; page++) {
      const wire = await this.context.http.request({
        method: 'GET',
        path: path`/api/v1/evaluations/${id}/samples`,
        query: { page, limit: PRIME_SAMPLES_PAGE_SIZE },
        schema: primeWire().primeSamplesPage,
        options,
      });
      samples.push(...wire.samples);
      const lastPage = typeof wire.total_pages === 'number' ? page >= wire.total_pages : wire.samples.length < PRIME_SAMPLES_PAGE_SIZE;
      if (wire.samples.length === 0 || lastPage) break;
    }
    return samples;
  }

  /**
   * Pushes samples in order, `batchSize` (≤ 500) per request, each with `reward` and `score` (QUIRKS PRIME-2).
   * Not retried after a reset: that could duplicate samples.
   */
  async pushSamples(id: string, samples: PrimeSample[], options: RequestOptions & { batchSize?: number } = {}): Promise<void> {
    requireId(id);
    const { batchSize = PRIME_MAX_SAMPLES_PER_REQUEST, ...requestOptions } = options;
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > PRIME_MAX_SAMPLES_PER_REQUEST) {
      throw new ConfigurationError(`batchSize must be an integer from 1 to ${PRIME_MAX_SAMPLES_PER_REQUEST} (samples per request); got ${String(batchSize)}`);
    }
    if (!Array.isArray(samples)) throw new ConfigurationError('samples must be an array of objects');
    for (let start = 0; start < samples.length; start += batchSize) {
      await this.context.http.request({
        method: 'POST',
        path: path`/api/v1/evaluations/${id}/samples`,
        body: { samples: samples.slice(start, start + batchSize).map(withReward) },
        schema: primeWire().primePushSamplesResponse,
        idempotent: false,
        options: requestOptions,
      });
    }
  }
}
