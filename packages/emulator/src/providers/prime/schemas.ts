/** Prime request bodies and queries, after `prime-evaluations.openapi.yaml` (PI-spec) and the public docs. */
import { z } from 'zod';

const nullableString = z.string().nullish();
const looseRecord = z.record(z.string(), z.unknown());
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** `HostedEvalConfig`: num_examples and rollouts_per_example required, the rest optional and nullable. */
export const hostedEvalConfig = z.looseObject({
  num_examples: z.number().int().min(-1).max(MAX_SAFE),
  rollouts_per_example: z.number().int().min(1).max(2048),
  env_args: looseRecord.nullish(),
  allow_sandbox_access: z.boolean().nullish(),
  allow_instances_access: z.boolean().nullish(),
  allow_tunnel_access: z.boolean().nullish(),
  timeout_minutes: z.number().int().min(120).max(1440).nullish(),
  custom_secrets: z.record(z.string(), z.string()).nullish(),
  sampling_args: looseRecord.nullish(),
  max_concurrent: z.number().int().min(1).max(MAX_SAFE).nullish(),
  max_retries: z.number().int().min(0).max(MAX_SAFE).nullish(),
  state_columns: z.array(z.string()).nullish(),
  independent_scoring: z.boolean().nullish(),
  verbose: z.boolean().nullish(),
  headers: z.array(z.string()).nullish(),
  extra_env_kwargs: looseRecord.nullish(),
  api_client_type: nullableString,
  api_base_url: nullableString,
  api_key_var: nullableString,
});

/** `CreateEvaluationRequest` (`POST /api/v1/evaluations/`). */
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
export type CreateEvaluationBody = z.infer<typeof createEvaluationSchema>;

/** `CreateHostedEvaluationRequest` (`POST /api/v1/hosted-evaluations`). */
export const createHostedSchema = z.looseObject({
  environment_ids: z.array(z.string().min(1)).min(1),
  inference_model: z.string().min(1),
  eval_config: hostedEvalConfig,
  team_id: nullableString,
  name: nullableString,
});

/** `UpdateEvaluationRequest` (`PUT /api/v1/evaluations/{id}`): every field optional and nullable. */
export const updateEvaluationSchema = z.looseObject({
  name: nullableString,
  description: nullableString,
  tags: z.array(z.string()).nullish(),
  metadata: looseRecord.nullish(),
  metrics: looseRecord.nullish(),
  model_name: nullableString,
  dataset: nullableString,
  framework: nullableString,
  task_type: nullableString,
  inference_model: nullableString,
  eval_config: hostedEvalConfig.nullish(),
  is_public: z.boolean().nullish(),
  show_on_leaderboard: z.boolean().nullish(),
});

/** The emulator's own ceiling per push (the SDK batches by 25 MiB; Prime documents no count limit). */
export const MAX_SAMPLES_PER_REQUEST = 500;

/** `PushSamplesRequest`: free-form objects; a `reward` or `score` must at least be a number when present. */
export const pushSamplesSchema = z.looseObject({
  samples: z
    .array(z.looseObject({ reward: z.number().finite().nullish(), score: z.number().finite().nullish() }))
    .min(1)
    .max(MAX_SAMPLES_PER_REQUEST, `at most ${MAX_SAMPLES_PER_REQUEST} samples per request; split them into batches`),
});

export const finalizeSchema = z.looseObject({ metrics: looseRecord.nullish() }).nullable();

export const bulkDeleteSchema = z.looseObject({ evaluation_ids: z.array(z.string()).min(1).max(100) });

export const listQuerySchema = z.object({
  team_id: z.string().optional(),
  environment_id: z.string().optional(),
  environment_name: z.string().optional(),
  suite_id: z.string().optional(),
  skip: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const samplesQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
