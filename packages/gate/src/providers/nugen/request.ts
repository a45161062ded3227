// Nugen's create takes neither a name nor metadata: the gate finds its runs again by model and benchmark.
import type { NugenCreateRequest } from '@evalgate/core';
import type { NugenSettings } from './types.js';

export function nugenCreateRequest(settings: NugenSettings): NugenCreateRequest {
  const request: NugenCreateRequest = { provider: 'nugen', modelId: settings.modelId, benchmarkId: settings.benchmarkId };
  if (settings.baselineModelId) request.modelId2 = settings.baselineModelId;
  if (settings.metrics.length > 0) request.customMetrics = { metrics: settings.metrics };
  return request;
}
