/** Nugen request bodies and queries, after the docs' `CreateEvaluationRequest` and list parameters. */
import { z } from 'zod';

export const createEvaluationSchema = z.looseObject({
  model_id: z.string().min(1),
  benchmark_id: z.string().min(1),
  judge_provider: z.string().min(1).optional(),
  // The documented schema says object; the docs' own example sends a list (NUGEN-4). Both are accepted here.
  custom_metrics: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]).nullish(),
  model_id_2: z.string().min(1).nullish(),
});

export const listQuerySchema = z.object({
  status: z.string().min(1).optional(),
  model_id: z.string().min(1).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(10),
});
