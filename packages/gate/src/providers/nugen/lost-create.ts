// Nugen keeps no metadata: a lost create is found by model and benchmark (and second model) created since we began.
// Two Nugen evaluations of the same model on the same benchmark are the same experiment, so sharing one is safe.
import type { Evaluation, NugenCreateRequest } from '@evalgate/core';
import * as z from 'zod/mini';
import type { LostCreateIdentity } from '../gate-provider.js';

const nugenTargetSchema = z.object({ provider: z.literal('nugen'), modelId: z.string(), benchmarkId: z.string(), modelId2: z.optional(z.string()) });

export type NugenTarget = z.infer<typeof nugenTargetSchema>;

export const nugenLostCreate: LostCreateIdentity<NugenCreateRequest, NugenTarget> = {
  schema: nugenTargetSchema,
  targetOf: (request) => ({
    provider: 'nugen',
    modelId: request.modelId,
    benchmarkId: request.benchmarkId,
    ...(request.modelId2 ? { modelId2: request.modelId2 } : {}),
  }),
  matches: (evaluation, target) => {
    // Exact ids: a substring would take bench-10's run for bench-1's.
    if (evaluation.model !== target.modelId || evaluation.benchmark !== target.benchmarkId) return false;
    const mode = nugenMode(evaluation);
    // Someone else's run of the other mode on the same model and benchmark is a different experiment.
    if (!target.modelId2) return mode !== 'comparison';
    if (mode === 'single') return false;
    return evaluation.comparison?.model === target.modelId2;
  },
};

/**
 * A Nugen list row's mode, when it shows: a second model or per-model (base/eval) figures mean comparison; flat
 * figures mean a single model (NUGEN-6). A row still running shows neither (documented rows carry no `model_id_2`).
 */
function nugenMode(evaluation: Evaluation): 'comparison' | 'single' | undefined {
  if (evaluation.comparison) return 'comparison';
  return evaluation.scores ? 'single' : undefined;
}
