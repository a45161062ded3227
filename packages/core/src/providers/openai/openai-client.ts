import { isTerminal, type Evaluation, type Page, type Scores } from '../../domain/evaluation.js';
import type { EvaluationGroup, ListPageOptions, ProviderCapabilities, RequestOptions } from '../../domain/client.js';
import type { CreateEvaluationRequest } from '../../domain/requests.js';
import { ConfigurationError, UnsupportedOperationError } from '../../errors.js';
import { path } from '../../http/path.js';
import { BaseEvalClient } from '../base-client.js';
import { OPENAI_CAPABILITIES } from './capabilities.js';
import { definedOnly, pageSize, requireId, toDate } from '../wire-helpers.js';
import { joinRunId, splitRunId } from './ids.js';
import { mapOpenAIRun } from './mapper.js';
import { openAIWire, type OpenAIRunWire } from './wire.js';
import { decodeAllRunsCursor, encodeAllRunsCursor } from './all-runs-cursor.js';
import { CancelRouter } from './cancel-route.js';
import { nextAfter } from './cursor.js';
import { toWireDataSource } from './data-source.js';
import { openAIRerunRequest } from './rerun.js';
import { lookupStatus } from '../status-table.js';
import { OPENAI_STATUS_TABLE } from './statuses.js';
import { readOutputItemScores } from './output-item-scores.js';
import type { ListSamplesOptions, SampleList, SampleScores } from '../../domain/samples.js';
import { SampleScoresCache } from '../sample-scores-cache.js';
import { maxSamplesOf } from '../sample-helpers.js';
import { mapOpenAIOutputItem } from './sample-mapper.js';

const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 20;
/** Evals read by one listPage() without evalId before it hands back a cursor (evals without runs are skipped). */
const MAX_EVALS_PER_PAGE = 25;

export class OpenAIClient extends BaseEvalClient {
  readonly provider = 'openai' as const;
  readonly capabilities: ProviderCapabilities = OPENAI_CAPABILITIES;
  /** Output-item scores of terminal runs never change, so they are fetched once per run. */
  private readonly scoreCache = new Map<string, Scores | null>();
  /** The per-item scores read with them, for `sampleScoresRead`. */
  private readonly sampleScoresCache = new SampleScoresCache();
  /** Which cancel path this server answers, learnt on the first cancel. */
  private readonly cancelRouter = new CancelRouter();

  async create(request: CreateEvaluationRequest, options: RequestOptions = {}): Promise<Evaluation> {
    const openai = this.expectRequest(request, 'openai');
    requireId(openai.evalId, 'evalId');
    if (openai.dataSource === null || typeof openai.dataSource !== 'object' || typeof openai.dataSource.type !== 'string') {
      throw new ConfigurationError('OpenAI create request needs dataSource, an object with a string "type" (e.g. "jsonl")');
    }
    const run = await this.context.http.request({
      method: 'POST',
      path: path`/evals/${openai.evalId}/runs`,
      body: definedOnly({ name: openai.name, data_source: toWireDataSource(openai.dataSource), metadata: openai.metadata }),
      schema: openAIWire().openAIRun,
      idempotent: false,
      options,
    });
    return this.toEvaluation(run, options);
  }

  async get(id: string, options: RequestOptions = {}): Promise<Evaluation> {
    return this.toEvaluation(await this.readRun(id, options), options);
  }

  /** A new run of a finished run's eval with its data_source, as GET returns it (openai/rerun.ts). */
  async rerunRequest(id: string, options: RequestOptions = {}): Promise<CreateEvaluationRequest> {
    const run = await this.readRun(id, options);
    const request = isTerminal(lookupStatus(OPENAI_STATUS_TABLE, run.status)) ? openAIRerunRequest(run) : undefined;
    if (!request)
      throw new UnsupportedOperationError('openai', `re-running ${id} (only a finished run that came back with its data_source can be started again)`);
    return request;
  }

  private readRun(id: string, options: RequestOptions): Promise<OpenAIRunWire> {
    const { evalId, runId } = splitRunId(id);
    return this.context.http.request({
      method: 'GET',
      path: path`/evals/${evalId}/runs/${runId}`,
      schema: openAIWire().openAIRun,
      options,
    });
  }

  /**
   * With `evalId`: the runs of that eval, newest first (cursor = OpenAI's `after`).
   * Without: the runs of every eval, eval by eval (evals newest first, then their runs newest first);
   * the cursor is opaque and encodes both positions. One call reads at most MAX_EVALS_PER_PAGE evals, and an eval
   * listing that repeats itself ends the walk, so a misbehaving server cannot keep a call going.
   */
  async listPage(options: ListPageOptions = {}): Promise<Page<Evaluation>> {
    const limit = pageSize(options.pageSize, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    if (options.evalId !== undefined) {
      const page = await this.runsPage(requireId(options.evalId, 'evalId'), options.cursor, limit, options);
      const next = nextAfter(page);
      return {
        items: page.data.map((run) => mapOpenAIRun(run)),
        ...(next !== undefined && next !== options.cursor ? { nextCursor: next } : {}),
      };
    }
    let position = options.cursor !== undefined ? decodeAllRunsCursor(options.cursor) : undefined;
    let evalId = position?.evalId ?? (await this.nextEvalId(undefined, options));
    const visited = new Set<string>();
    // Evals without runs give no items; skip to the next eval rather than return empty pages.
    while (evalId !== undefined && !visited.has(evalId)) {
      if (visited.size >= MAX_EVALS_PER_PAGE) return { items: [], nextCursor: encodeAllRunsCursor({ evalId }) };
      visited.add(evalId);
      const page = await this.runsPage(evalId, position?.runAfter, limit, options);
      const items = page.data.map((run) => mapOpenAIRun(run));
      const runAfter = nextAfter(page);
      if (runAfter !== undefined && runAfter !== position?.runAfter) {
        return { items, nextCursor: encodeAllRunsCursor({ evalId, runAfter }) };
      }
      const nextEvalId = await this.nextEvalId(evalId, options);
      const following = nextEvalId !== undefined && !visited.has(nextEvalId) ? nextEvalId : undefined;
      if (items.length > 0) {
        return { items, ...(following !== undefined ? { nextCursor: encodeAllRunsCursor({ evalId: following }) } : {}) };
      }
      evalId = following;
      position = undefined;
    }
    return { items: [] };
  }

  /** The evals, newest first: the first level of the VS Code tree. */
  async listGroups(options: ListPageOptions = {}): Promise<Page<EvaluationGroup>> {
    const limit = pageSize(options.pageSize, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    const page = await this.context.http.request({
      method: 'GET',
      path: '/evals',
      query: { limit, order: 'desc', after: options.cursor },
      schema: openAIWire().evalList,
      options,
    });
    const items = page.data.map((entry) => {
      const createdAt = toDate(entry.created_at);
      return { id: entry.id, name: entry.name ?? entry.id, ...(createdAt ? { createdAt } : {}) };
    });
    const next = nextAfter(page);
    return { items, ...(next !== undefined && next !== options.cursor ? { nextCursor: next } : {}) };
  }

  /**
   * POST `…/runs/{run_id}/cancel`, falling back once to the bare `…/runs/{run_id}` on 404/405 and remembering
   * whichever path this server answers (QUIRKS OPENAI-1). Cancelling a terminal run returns it unchanged.
   */
  async cancel(id: string, options: RequestOptions = {}): Promise<Evaluation> {
    const { evalId, runId } = splitRunId(id);
    const run = await this.cancelRouter.send(evalId, runId, (cancelPath) =>
      this.context.http.request({ method: 'POST', path: cancelPath, schema: openAIWire().openAIRun, idempotent: true, options }),
    );
    return this.toEvaluation(run, options);
  }

  /** OpenAI has no finalize step: the run's own status and scores are final. */
  finalize(id: string, options: RequestOptions = {}): Promise<Evaluation> {
    return this.get(id, options);
  }

  pushSamples(): Promise<void> {
    return Promise.reject(new UnsupportedOperationError('openai', 'pushSamples'));
  }

  /** `GET /evals/{eval_id}/runs/{run_id}/output_items` in ascending order, page by page up to `maxSamples`. */
  async listSamples(id: string, options: ListSamplesOptions = {}): Promise<SampleList> {
    const { evalId, runId } = splitRunId(id);
    const { maxSamples, ...requestOptions } = options;
    const max = maxSamplesOf(maxSamples);
    const samples: SampleList['samples'] = [];
    let after: string | undefined;
    let more = false;
    for (;;) {
      const page = await this.context.http.request({
        method: 'GET',
        path: path`/evals/${evalId}/runs/${runId}/output_items`,
        query: { limit: Math.min(MAX_PAGE_SIZE, max - samples.length), order: 'asc', after },
        schema: openAIWire().outputItemDetailList,
        options: requestOptions,
      });
      samples.push(...page.data.map((item) => mapOpenAIOutputItem(item)));
      more = page.has_more === true && !!page.last_id && page.last_id !== after;
      if (!more || samples.length >= max) break;
      after = page.last_id ?? undefined;
    }
    return { samples: samples.slice(0, max), truncated: more || samples.length > max };
  }

  /** The output items' scores read when the run was mapped terminal (no request). */
  sampleScoresRead(id: string): SampleScores | undefined {
    return this.sampleScoresCache.get(id);
  }

  private async toEvaluation(run: OpenAIRunWire, options: RequestOptions): Promise<Evaluation> {
    if (!isTerminal(mapOpenAIRun(run).status)) return mapOpenAIRun(run);
    const id = joinRunId(run.eval_id, run.id);
    const cached = this.scoreCache.get(id);
    if (cached !== undefined) return mapOpenAIRun(run, cached ?? undefined);
    const read = await readOutputItemScores(this.context.http, run.eval_id, run.id, options);
    // Only a complete walk is kept: an incomplete one may read fine on the next get.
    if (!read.complete) return mapOpenAIRun(run);
    this.scoreCache.set(id, read.scores ?? null);
    this.sampleScoresCache.set(id, read.sampleScores);
    return mapOpenAIRun(run, read.scores);
  }

  private runsPage(evalId: string, after: string | undefined, limit: number, options: RequestOptions) {
    return this.context.http.request({
      method: 'GET',
      path: path`/evals/${evalId}/runs`,
      query: { limit, order: 'desc', after },
      schema: openAIWire().runList,
      options,
    });
  }

  private async nextEvalId(after: string | undefined, options: RequestOptions): Promise<string | undefined> {
    const page = await this.context.http.request({
      method: 'GET',
      path: '/evals',
      query: { limit: 1, order: 'desc', after },
      schema: openAIWire().evalList,
      options,
    });
    return page.data[0]?.id;
  }
}
