import type { Evaluation, Page } from '../../domain/evaluation.js';
import type { ListPageOptions, ProviderCapabilities, RequestOptions } from '../../domain/client.js';
import type { CreateEvaluationRequest } from '../../domain/requests.js';
import { BadRequestError, UnsupportedOperationError } from '../../errors.js';
import { path } from '../../http/path.js';
import { BaseEvalClient } from '../base-client.js';
import { definedOnly, offsetCursor, offsetPageOf, pageSize, requireId } from '../wire-helpers.js';
import { mapNugenListItem, mapNugenStatus, type NugenIdentity } from './mapper.js';
import { nugenCreateResponse, nugenDownload, nugenList, nugenResults, nugenStatus, type NugenResultsWire } from './wire.js';
import type { ListSamplesOptions, SampleList } from '../../domain/samples.js';
import { maxSamplesOf } from '../sample-helpers.js';
import { mapNugenDetailedResult } from './sample-mapper.js';

const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 20;

export class NugenClient extends BaseEvalClient {
  readonly provider = 'nugen' as const;
  readonly capabilities: ProviderCapabilities = { cancel: false, finalize: false, pushSamples: false };
  /** The status endpoint omits model and benchmark; what create/list told us names the evaluation. */
  private readonly identities = new Map<string, NugenIdentity>();

  async create(request: CreateEvaluationRequest, options: RequestOptions = {}): Promise<Evaluation> {
    const nugen = this.expectRequest(request, 'nugen');
    requireId(nugen.modelId, 'modelId');
    requireId(nugen.benchmarkId, 'benchmarkId');
    const created = await this.context.http.request({
      method: 'POST',
      path: '/api/v3/evaluations',
      body: definedOnly({
        model_id: nugen.modelId,
        benchmark_id: nugen.benchmarkId,
        custom_metrics: nugen.customMetrics,
        model_id_2: nugen.modelId2,
      }),
      schema: nugenCreateResponse,
      idempotent: false,
      options,
    });
    const identity: NugenIdentity = {
      modelId: created.model_id ?? nugen.modelId,
      modelId2: nugen.modelId2,
      benchmarkId: created.benchmark_id ?? nugen.benchmarkId,
      createdAt: created.created_at,
    };
    this.identities.set(created.evaluation_id, identity);
    return mapNugenStatus({ evaluation_id: created.evaluation_id, status: created.status }, identity);
  }

  /** The status endpoint, plus the results once completed (for scores, report and comparison). */
  async get(id: string, options: RequestOptions = {}): Promise<Evaluation> {
    const status = await this.context.http.request({
      method: 'GET',
      path: path`/api/v3/evaluations/${requireId(id)}/status`,
      schema: nugenStatus,
      options,
    });
    const identity = this.identities.get(id);
    const partial = mapNugenStatus(status, identity);
    if (partial.status !== 'completed') return partial;
    const results = await this.results(id, options);
    return mapNugenStatus(status, identity, results);
  }

  async listPage(options: ListPageOptions = {}): Promise<Page<Evaluation>> {
    const offset = offsetCursor(options.cursor);
    const limit = pageSize(options.pageSize, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    const wire = await this.context.http.request({
      method: 'GET',
      path: '/api/v3/evaluations',
      query: { offset, limit },
      schema: nugenList,
      options,
    });
    for (const item of wire.evaluations) {
      this.identities.set(item.evaluation_id, {
        modelId: item.model_id,
        modelId2: item.model_id_2,
        benchmarkId: item.benchmark_id,
        createdAt: item.created_at,
      });
    }
    const items = wire.evaluations.map(mapNugenListItem);
    return offsetPageOf(items, offset, limit, wire.total);
  }

  cancel(): Promise<Evaluation> {
    return Promise.reject(new UnsupportedOperationError('nugen', 'cancel'));
  }

  /** Nugen has no finalize step; the evaluation as it stands. */
  finalize(id: string, options: RequestOptions = {}): Promise<Evaluation> {
    return this.get(id, options);
  }

  pushSamples(): Promise<void> {
    return Promise.reject(new UnsupportedOperationError('nugen', 'pushSamples'));
  }

  /**
   * `GET /api/v3/evaluations/{id}/download`'s `detailed_results`, one sample per question. The file exists once the
   * evaluation completed: before that Nugen answers 400, read here as "no samples yet".
   */
  async listSamples(id: string, options: ListSamplesOptions = {}): Promise<SampleList> {
    requireId(id);
    const { maxSamples, ...requestOptions } = options;
    const max = maxSamplesOf(maxSamples);
    let file;
    try {
      file = await this.context.http.request({
        method: 'GET',
        path: path`/api/v3/evaluations/${id}/download`,
        schema: nugenDownload,
        options: requestOptions,
      });
    } catch (error) {
      if (error instanceof BadRequestError) return { samples: [], truncated: false };
      throw error;
    }
    const rows = file.detailed_results ?? [];
    return {
      samples: rows.slice(0, max).map((row, index) => mapNugenDetailedResult(row, index)),
      total: rows.length,
      truncated: rows.length > max,
    };
  }

  private async results(id: string, options: RequestOptions): Promise<NugenResultsWire | undefined> {
    try {
      return await this.context.http.request({
        method: 'GET',
        path: path`/api/v3/evaluations/${id}/results`,
        schema: nugenResults,
        options,
      });
    } catch (error) {
      // Status and results can disagree for a moment right at completion; the status is still worth returning.
      if (error instanceof BadRequestError) return undefined;
      throw error;
    }
  }
}

