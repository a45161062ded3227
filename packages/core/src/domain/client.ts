import type { Evaluation, Page, ProviderName } from './evaluation.js';
import type { CreateEvaluationRequest, PrimeSample } from './requests.js';
import type { ListSamplesOptions, SampleList, SampleScores } from './samples.js';

/** Per-call options every method accepts. */
export interface RequestOptions {
  signal?: AbortSignal | undefined;
  /** Per-attempt timeout in ms; overrides the client's. */
  timeoutMs?: number;
  /** Overrides the client's retry budget for this call. */
  maxRetries?: number;
}

export interface ListOptions extends RequestOptions {
  /** Items per request (each provider caps it: Prime 100, OpenAI 100, Nugen 100). */
  pageSize?: number;
  /** OpenAI: list the runs of this eval only (otherwise the runs of every eval). */
  evalId?: string;
  /** `list()` only: the most pages one walk fetches (default 100). */
  maxPages?: number;
  /** `list()` only: the most evaluations one walk yields (default 10000). */
  maxItems?: number;
  /** Prime: only evaluations of this hub environment id (`environment_id`). */
  environmentId?: string;
  /** Prime: only evaluations of this environment name (`environment_name`). */
  environmentName?: string;
}

export interface ListPageOptions extends ListOptions {
  cursor?: string;
}

export interface WaitOptions {
  /** Absolute deadline (ms since epoch, by the client's clock). A `TimeoutError` is thrown past it. */
  deadline?: number;
  signal?: AbortSignal;
  /**
   * Poll interval in ms at the start and after every status change (default 2000). It grows ×1.5 per poll while the
   * status stays the same (progress moving or not). When progress predicts an end sooner than the next poll, that poll
   * comes 250 ms after the predicted end.
   */
  initialIntervalMs?: number;
  /**
   * Longest pause between polls in ms (default 30000). Once progress (an ETA, the pace between two polls, or one
   * poll's progress since the provider's `startedAt`) predicts the end, polls are this far apart until the end is
   * within reach (the ramp from `initialIntervalMs` only matters while the pace is unknown).
   */
  maxIntervalMs?: number;
  /**
   * The evaluation as the caller has just read it (e.g. the create's answer). The first poll is compared with it — a
   * status it already showed is no news — and comes after `firstPollDelayMs` instead of at once. Returned as it is
   * when already terminal.
   */
  lastSeen?: Evaluation;
  /** With `lastSeen`: the pause before the first poll (default `initialIntervalMs`); the interval grows from it. */
  firstPollDelayMs?: number;
  /** Called after every successful poll whose evaluation differs from the previous one. */
  onProgress?: (evaluation: Evaluation) => void;
  /**
   * Called when a poll failed and polling goes on: a transient error the HTTP retries did not cure, or an answer that
   * could not be understood (tolerated a few times in a row). Lets the caller say what happened.
   */
  onPollError?: (error: unknown) => void;
}

/** A container of evaluations: an OpenAI eval, whose runs are the evaluations. */
export interface EvaluationGroup {
  id: string;
  name: string;
  createdAt?: Date;
}

/** What a provider can do; callers branch on these, never on the provider's name. */
export interface ProviderCapabilities {
  cancel: boolean;
  finalize: boolean;
  pushSamples: boolean;
  /** create() stores caller metadata and the provider returns it on get/list (how a lost create is found again). */
  metadata: boolean;
  /** create() stores tags and the provider returns them. */
  tags: boolean;
  /** `listGroups()` exists: evaluations are grouped (OpenAI's evals hold runs). */
  groups: boolean;
  /** `listSamples()` exists. */
  samples: boolean;
}

/** The one interface over the three providers. */
export interface EvalClient {
  readonly provider: ProviderName;
  readonly baseUrl: string;
  readonly capabilities: ProviderCapabilities;
  create(request: CreateEvaluationRequest, options?: RequestOptions): Promise<Evaluation>;
  get(id: string, options?: RequestOptions): Promise<Evaluation>;
  /** One page, in the provider's order (Prime's is undocumented: search the whole list, not the first page). */
  listPage(options?: ListPageOptions): Promise<Page<Evaluation>>;
  /** Every evaluation, in the provider's order, fetched page by page as the caller iterates. */
  list(options?: ListOptions): AsyncIterable<Evaluation>;
  /** Throws `UnsupportedOperationError` where the provider cannot cancel. */
  cancel(id: string, options?: RequestOptions): Promise<Evaluation>;
  /** Prime: computes the final statistics. Elsewhere: returns `get(id)`. */
  finalize(id: string, options?: RequestOptions): Promise<Evaluation>;
  /** Prime client-driven evaluations: pushes samples in batches. */
  pushSamples(id: string, samples: PrimeSample[], options?: RequestOptions & { batchSize?: number }): Promise<void>;
  /** OpenAI only: the evals that group runs (the tree's first level). Absent elsewhere. */
  listGroups?(options?: ListPageOptions): Promise<Page<EvaluationGroup>>;
  /**
   * The graded samples of an evaluation, lowest position first, read page by page up to `maxSamples`: Prime's stored
   * samples, OpenAI's output items (with each grader's result), Nugen's downloaded `detailed_results` (empty until
   * the evaluation completed). Optional so that other implementations of this interface keep compiling.
   */
  listSamples?(id: string, options?: ListSamplesOptions): Promise<SampleList>;
  /**
   * The per-sample scores this client already read while mapping the terminal evaluation `id` (OpenAI: the output
   * items behind its scores; Nugen: the download file), without a request; undefined when it read none (Prime, a run
   * not yet terminal, or one read by another client). Lets a caller skip a second `listSamples` for a histogram.
   */
  sampleScoresRead?(id: string): SampleScores | undefined;
  /**
   * The create request that starts a finished evaluation again with the same parameters, rebuilt from what the
   * provider returns now: what is evaluated and how, never the tags or metadata that say who started it (the Action
   * finds its own runs by them). Throws `UnsupportedOperationError` where the provider's answer is not enough to
   * rebuild it faithfully; `capabilities.canRerun` says so ahead. Optional like `listSamples`.
   */
  rerunRequest?(id: string, options?: RequestOptions): Promise<CreateEvaluationRequest>;
  /** Polls until a terminal status; never overlaps requests. */
  waitForCompletion(id: string, options?: WaitOptions): Promise<Evaluation>;
}

export interface ClientLogger {
  debug(message: string): void;
  warn(message: string): void;
}

export interface ClientOptions {
  provider: ProviderName;
  apiKey: string;
  /** Provider origin (Prime/Nugen) or API root (OpenAI, e.g. https://api.openai.com/v1). Defaults per provider. */
  baseUrl?: string;
  /** Per-attempt timeout in ms (default 60000). */
  timeoutMs?: number;
  /** Retries after the first attempt (default 4). */
  maxRetries?: number;
  /** Injected for tests. */
  fetch?: typeof fetch;
  /** Injected for tests: ms since epoch. */
  now?: () => number;
  /** Injected for tests: resolves after ms, or rejects when the signal aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Injected for tests: [0, 1). */
  random?: () => number;
  logger?: ClientLogger;
  userAgent?: string;
  /** Largest response body read, in bytes (default 16 MiB); a larger one fails with `ResponseTooLargeError`. */
  maxResponseBytes?: number;
  /**
   * Allow an `http:` base URL on a host that is not loopback (default false). The API key then travels in clear
   * text; only for a private network you trust. Loopback (127.0.0.0/8, ::1, localhost) may always use http.
   */
  allowInsecureHttp?: boolean;
}
