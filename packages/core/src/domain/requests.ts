/** What a caller asks each provider to create. Field names are camelCase; the wire mapping is private. */
export interface PrimeCreateRequest {
  provider: 'prime';
  name: string;
  teamId?: string;
  environments?: Array<{ id: string; versionId?: string }>;
  suiteId?: string;
  runId?: string;
  isHosted?: boolean;
  inferenceModel?: string;
  /** Hosted evaluation config, sent as `eval_config` unchanged (snake_case keys, see the Prime API). */
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

export interface OpenAICreateRequest {
  provider: 'openai';
  evalId: string;
  name?: string;
  /** The run's `data_source` object, sent unchanged. */
  dataSource: Record<string, unknown>;
  metadata?: Record<string, string>;
}

export interface NugenCreateRequest {
  provider: 'nugen';
  modelId: string;
  benchmarkId: string;
  /** Comparison mode: the second model. */
  modelId2?: string;
  /** Sent as `custom_metrics`: an object (Nugen's schema rejects the array form its docs example shows). */
  customMetrics?: Record<string, unknown>;
  /** `judge_provider` (anthropic, openai or nugen); sent only when set, older Nugen versions do not know it. */
  judgeProvider?: string;
}

export type CreateEvaluationRequest = PrimeCreateRequest | OpenAICreateRequest | NugenCreateRequest;

/** One client-driven sample pushed to a Prime evaluation. Extra fields are sent unchanged. */
export interface PrimeSample {
  score?: number;
  [key: string]: unknown;
}
