// Nugen's rows into its settings.
import type { SettingsCheck } from '../gate-provider.js';
import { NUGEN_SETTINGS } from './settings.js';
import type { NugenSettings } from './types.js';

export function parseNugenSettings({ values, require }: SettingsCheck<typeof NUGEN_SETTINGS>): NugenSettings | undefined {
  require('model-id', 'for provider nugen (the model to evaluate)');
  require('benchmark-id', 'for provider nugen (the benchmark to run)');
  const modelId = values['model-id'];
  const benchmarkId = values['benchmark-id'];
  if (modelId === undefined || benchmarkId === undefined) return undefined;
  const settings: NugenSettings = { provider: 'nugen', modelId, benchmarkId, metrics: values.metric };
  if (values['baseline-model-id'] !== undefined) settings.baselineModelId = values['baseline-model-id'];
  return settings;
}
