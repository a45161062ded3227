import type { ProviderName } from '@evalgate/core';

/** One Prime environment: `id` or `id@version` in the `environments` input. */
export interface EnvironmentRef {
  id: string;
  versionId?: string;
}

/** A run Prime executes (`POST /api/v1/hosted-evaluations`): one environment, by id. */
export interface PrimeHostedSettings {
  provider: 'prime';
  mode: 'hosted';
  environments: EnvironmentRef[];
  inferenceModel: string;
  /** eval_config.num_examples; -1 for all. */
  numExamples: number;
  /** eval_config.rollouts_per_example. */
  rolloutsPerExample: number;
  /** eval_config.timeout_minutes: when Prime ends the run as TIMEOUT. */
  timeoutMinutes: number;
  /** The other eval_config keys (eval-config input). */
  evalConfig?: Record<string, unknown>;
}

/** Client-driven: samples scored by an earlier step are pushed, then the evaluation is finalized. */
export interface PrimeSamplesSettings {
  provider: 'prime';
  mode: 'samples';
  samplesFile: string;
  environments: EnvironmentRef[];
  inferenceModel?: string;
}

export type DataSourceInput = { kind: 'inline'; value: Record<string, unknown> } | { kind: 'file'; path: string };

export interface OpenAISettings {
  provider: 'openai';
  evalId: string;
  dataSource: DataSourceInput;
}

export interface NugenSettings {
  provider: 'nugen';
  modelId: string;
  benchmarkId: string;
  /** Comparison mode: the baseline model evaluated side by side. */
  baselineModelId?: string;
  /** Sent as `custom_metrics: {metrics: [...]}`. */
  metrics: string[];
}

export type ProviderSettings = PrimeHostedSettings | PrimeSamplesSettings | OpenAISettings | NugenSettings;

export interface Thresholds {
  minAvgScore?: number;
  minMinScore?: number;
  /** Largest allowed drop of the average against the baseline. */
  maxRegression?: number;
}

export interface BadgePaths {
  svg: string;
  json: string;
}

/** The parsed gate settings. Secrets (the API key) are not in it: the adapter reads them once, apart. */
export interface GateSettings {
  provider: ProviderName;
  settings: ProviderSettings;
  baseUrl?: string;
  nameTemplate: string;
  thresholds: Thresholds;
  baseline: 'none' | 'base-branch';
  timeoutMinutes: number;
  pollIntervalSeconds: number;
  failOn: 'failure' | 'neutral';
  checkName: string;
  /** `allow-insecure-http: true`: an http base-url on a non-loopback host is allowed (and warned about). */
  allowInsecureHttp: boolean;
}
