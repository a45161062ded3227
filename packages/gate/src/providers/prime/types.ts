// Prime's gate settings: a hosted run Prime executes, or a client-driven one whose samples the gate pushes.

/** One Prime environment: `id` or `id@version` in the `environments` setting. */
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
  /** The other eval_config keys (eval-config setting). */
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

export type PrimeSettings = PrimeHostedSettings | PrimeSamplesSettings;
