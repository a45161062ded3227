/** Prime request bodies and queries, after the OpenAPI `CreateEvaluationRequest` and the public docs. */
import { z } from 'zod';

const nullableString = z.string().nullish();
const looseRecord = z.record(z.string(), z.unknown());

const hostedEvalConfig = z.looseObject({
  num_examples: z.number().int().min(-1),
  rollouts_per_example: z.number().int().min(1).max(2048),
  env_args: looseRecord.nullish(),
  timeout_minutes: z.number().int().min(120).max(1440).nullish(),
  custom_secrets: z.record(z.string(), z.string()).nullish(),
  sampling_args: looseRecord.nullish(),
  max_concurrent: z.number().int().min(1).nullish(),
  max_retries: z.number().int().min(0).nullish(),
});

export const createEvaluationSchema = z.looseObject({
  name: z.string().min(1),
  team_id: nullableString,
  environments: z.array(z.looseObject({ id: z.string(), version_id: nullableString })).nullish(),
  suite_id: nullableString,
  run_id: nullableString,
  is_hosted: z.boolean().optional(),
  inference_model: nullableString,
  eval_config: hostedEvalConfig.nullish(),
  model_name: nullableString,
  dataset: nullableString,
  framework: nullableString,
  task_type: nullableString,
  description: nullableString,
  tags: z.array(z.string()).optional(),
  metadata: looseRecord.nullish(),
  metrics: looseRecord.nullish(),
  is_public: z.boolean().optional(),
  show_on_leaderboard: z.boolean().optional(),
});

export const MAX_SAMPLES_PER_REQUEST = 500;

export const pushSamplesSchema = z.looseObject({
  samples: z
    .array(z.looseObject({ score: z.number().finite().nullish() }))
    .min(1)
    .max(MAX_SAMPLES_PER_REQUEST, `at most ${MAX_SAMPLES_PER_REQUEST} samples per request; split them into batches`),
});

export const finalizeSchema = z.looseObject({ metrics: looseRecord.nullish() }).nullable();

export const listQuerySchema = z.object({
  skip: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/** `GET .../samples`: 1-based page number, page size up to 1000 (the published spec's limits). */
export const samplesQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
