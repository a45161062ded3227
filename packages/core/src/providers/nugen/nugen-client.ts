import type { Evaluation, Page } from '../../domain/evaluation.js';
import type { ListPageOptions, ProviderCapabilities, RequestOptions } from '../../domain/client.js';
import type { CreateEvaluationRequest } from '../../domain/requests.js';
import { BadRequestError, ConfigurationError, NotFoundError, UnsupportedOperationError } from '../../errors.js';
import { path } from '../../http/path.js';
import { BaseEvalClient } from '../base-client.js';
import { NUGEN_CAPABILITIES } from './capabilities.js';
import { definedOnly, offsetCursor, offsetPageOf, pageSize, requireId } from '../wire-helpers.js';
import { mapNugenListItem, mapNugenStatus, type NugenIdentity, type NugenOutcome } from './mapper.js';
import { nugenRerunRequest } from './rerun.js';
import { nugenWire, type NugenDownloadWire, type NugenListItemWire, type NugenResultsWire } from './wire.js';
import type { ListSamplesOptions, SampleList, SampleScores } from '../../domain/samples.js';
import { boundedSampleScores, SampleScoresCache } from '../sample-scores-cache.js';
import { finiteNumber, maxSamplesOf } from '../sample-helpers.js';
import { mapNugenDetailedResult } from './sample-mapper.js';

const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 20;

export class NugenClient extends BaseEvalClient {
  readonly provider = 'nugen' as const;
  readonly capabilities: ProviderCapabilities = NUGEN_CAPABILITIES;
  /** The status endpoint omits the models; what create/list told us names the evaluation. */
  private readonly identities = new Map<string, NugenIdentity>();
  /** The download's per-question scores, read by `get` once completed, for `sampleScoresRead`. */
  private readonly sampleScoresCache = new SampleScoresCache();

  async create(request: CreateEvaluationRequest, options: RequestOptions = {}): Promise<Evaluation> {
    const nugen = this.expectRequest(request, 'nugen');
    requireId(nugen.modelId, 'modelId');
    requireId(nugen.benchmarkId, 'benchmarkId');
    const metrics: unknown = nugen.customMetrics;
    if (metrics !== undefined && (metrics === null || typeof metrics !== 'object' || Array.isArray(metrics))) {
      // The docs' example sends an array, which the documented schema rejects with 422 (NUGEN-4).
      throw new ConfigurationError('customMetrics must be an object, e.g. { metrics: ["accuracy"] }; Nugen rejects a bare list');
    }
    // No trailing slash (NUGEN-8); judge_provider only when asked for, older Nugen versions lack it (NUGEN-3).
    const created = await this.context.http.request({
      method: 'POST',
      path: '/api/v3/evaluations',
      body: definedOnly({
        model_id: nugen.modelId,
        benchmark_id: nugen.benchmarkId,
        judge_provider: nugen.judgeProvider,
        custom_metrics: nugen.customMetrics,
        model_id_2: nugen.modelId2,
      }),
      schema: nugenWire().nugenCreateResponse,
      idempotent: false,
      options,
    });
    const identity: NugenIdentity = {
      modelId: created.model_id ?? nugen.modelId,
      modelId2: nugen.modelId2,
      benchmarkId: created.benchmark_id ?? nugen.benchmarkId,
      createdAt: created.created_at,
      judgeProvider: created.judge_provider ?? nugen.judgeProvider,
    };
    this.identities.set(created.evaluation_id, identity);
    return mapNugenStatus({ evaluation_id: created.evaluation_id, status: created.status }, identity);
  }

  /**
   * The status endpoint (Nugen has no get-one, NUGEN-7); once it says done, `/results` for the aggregates and
   * `/download` for the per-question scores.
   */
  async get(id: string, options: RequestOptions = {}): Promise<Evaluation> {
    requireId(id);
    const status = await this.context.http.request({
      method: 'GET',
      path: path`/api/v3/evaluations/${id}/status`,
      schema: nugenWire().nugenStatus,
      options,
    });
    const identity = this.identities.get(id);
    const partial = mapNugenStatus(status, identity);
    if (partial.status !== 'completed') return partial;
    const results = await this.results(id, options);
    // Right at completion /results may still answer 400: report "running" so a waiter polls once more
    // rather than ending with a completed evaluation that has no scores.
    if (!results) return { ...partial, status: 'running' };
    const download = await this.download(id, options);
    // As `listSamples` reads them: the single-model rows (none without a file).
    const rows = (download?.detailed_results ?? []) as Array<Record<string, unknown>>;
    this.sampleScoresCache.set(id, boundedSampleScores(rows.map((row) => finiteNumber(row.score))));
    const outcome: NugenOutcome = { results, download };
    return mapNugenStatus(status, identity, outcome);
  }

  async listPage(options: ListPageOptions = {}): Promise<Page<Evaluation>> {
    const offset = offsetCursor(options.cursor);
    const limit = pageSize(options.pageSize, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    const wire = await this.context.http.request({
      method: 'GET',
      path: '/api/v3/evaluations',
      query: { offset, limit },
      schema: nugenWire().nugenList,
      options,
    });
    for (const item of wire.evaluations) this.remember(item);
    // The order is undocumented (NUGEN-11): newest first within the page, by created_at.
    const items = sortNewestFirst(wire.evaluations.map(mapNugenListItem));
    return offsetPageOf(items, offset, limit, wire.total);
  }

  /** Nugen has no cancel; its DELETE removes the evaluation for good and is never used as one (NUGEN-7). */
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

  private remember(item: NugenListItemWire): void {
    this.identities.set(item.evaluation_id, {
      modelId: item.model_id,
      modelId2: item.model_id_2 ?? this.identities.get(item.evaluation_id)?.modelId2,
      benchmarkId: item.benchmark_id,
      createdAt: item.created_at,
      judgeProvider: item.judge_provider,
    });
  }

  /**
   * Nugen has no get-one: model, benchmark and judge come from what list/create answered, and `/results` (there once
   * completed) says whether a second model was compared and which (nugen/rerun.ts).
   */
  async rerunRequest(id: string, options: RequestOptions = {}): Promise<CreateEvaluationRequest> {
    requireId(id);
    const results = await this.results(id, options);
    const request = results ? nugenRerunRequest(results, this.identities.get(id)) : undefined;
    if (!request)
      throw new UnsupportedOperationError(
        'nugen',
        `re-running ${id} (${results ? 'its model, benchmark or second model is not known' : 'it has no results yet: only a completed evaluation can be started again'})`,
      );
    return request;
  }

  /**
   * The download file's `detailed_results`, one sample per question (the single-model layout; the undocumented
   * comparison layout gives none). The file exists once the evaluation completed: before that, no samples.
   */
  async listSamples(id: string, options: ListSamplesOptions = {}): Promise<SampleList> {
    requireId(id);
    const { maxSamples, ...requestOptions } = options;
    const max = maxSamplesOf(maxSamples);
    const file = await this.download(id, requestOptions);
    const rows = (file?.detailed_results ?? []) as Array<Record<string, unknown>>;
    return {
      samples: rows.slice(0, max).map((row, index) => mapNugenDetailedResult(row, index)),
      ...(file ? { total: rows.length } : {}),
      truncated: rows.length > max,
    };
  }

  /** The download's scores read by the `get` that saw the evaluation completed (no request). */
  sampleScoresRead(id: string): SampleScores | undefined {
    return this.sampleScoresCache.get(id);
  }

  private async results(id: string, options: RequestOptions): Promise<NugenResultsWire | undefined> {
    try {
      return await this.context.http.request({
        method: 'GET',
        path: path`/api/v3/evaluations/${id}/results`,
        schema: nugenWire().nugenResults,
        options,
      });
    } catch (error) {
      if (error instanceof BadRequestError) return undefined;
      throw error;
    }
  }

  /** The per-question file; without it (400/404) the scores fall back to the aggregates of `/results`. */
  private async download(id: string, options: RequestOptions): Promise<NugenDownloadWire | undefined> {
    try {
      return await this.context.http.request({
        method: 'GET',
        path: path`/api/v3/evaluations/${id}/download`,
        schema: nugenWire().nugenDownload,
        options,
      });
    } catch (error) {
      if (error instanceof BadRequestError || error instanceof NotFoundError) return undefined;
      throw error;
    }
  }
}

function sortNewestFirst(items: Evaluation[]): Evaluation[] {
  const time = (evaluation: Evaluation) => evaluation.createdAt?.getTime() ?? -Infinity;
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => time(b.item) - time(a.item) || a.index - b.index)
    .map(({ item }) => item);
}
