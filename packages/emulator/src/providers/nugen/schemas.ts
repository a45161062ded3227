/** Nugen request bodies and queries, after the OpenAPI `CreateEvaluationRequest`. */
import { z } from 'zod';

export const createEvaluationSchema = z.looseObject({
  model_id: z.string().min(1),
  benchmark_id: z.string().min(1),
  custom_metrics: z.record(z.string(), z.unknown()).nullish(),
  model_id_2: z.string().min(1).nullish(),
});

export const listQuerySchema = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
