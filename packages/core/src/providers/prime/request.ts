/** What a caller asks Prime to create. Field names are camelCase; the wire mapping is private to this folder. */
export interface PrimeCreateRequest {
  provider: 'prime';
  name: string;
  teamId?: string;
  environments?: Array<{ id: string; versionId?: string }>;
  suiteId?: string;
  runId?: string;
  /**
   * true: a hosted run, started through `POST /api/v1/hosted-evaluations` (needs environments without versions,
   * inferenceModel and evalConfig). Otherwise a client-driven record on `POST /api/v1/evaluations/`.
   */
  isHosted?: boolean;
  /** Hosted only: the model the run evaluates. */
  inferenceModel?: string;
  /**
   * Hosted only: Prime's HostedEvalConfig, sent as `eval_config` (snake_case keys). `num_examples` (-1 for all) and
   * `rollouts_per_example` are required; `timeout_minutes` (120-1440) is sent as 120 when absent.
   */
  evalConfig?: Record<string, unknown>;
  modelName?: string;
  dataset?: string;
  framework?: string;
  taskType?: string;
  description?: string;
  tags?: string[];
  metadata?: Record<string, unknown>;
  metrics?: Record<string, unknown>;
  isPublic?: boolean;
}

/** One client-driven sample pushed to a Prime evaluation; its number goes out as both `reward` and `score`. */
export interface PrimeSample {
  reward?: number;
  score?: number;
  [key: string]: unknown;
}
