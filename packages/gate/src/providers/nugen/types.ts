// Nugen's gate settings: a model on a benchmark, optionally beside a second model (comparison mode).

export interface NugenSettings {
  provider: 'nugen';
  modelId: string;
  benchmarkId: string;
  /** Comparison mode: the baseline model evaluated side by side. */
  baselineModelId?: string;
  /** Sent as `custom_metrics: {metrics: [...]}`. */
  metrics: string[];
}
