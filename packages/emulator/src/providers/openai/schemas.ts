/** OpenAI Evals request bodies and queries, after the OpenAPI and the public API reference. */
import { z } from 'zod';

/** Up to 16 pairs; keys up to 64 characters, values up to 512. */
export const metadataSchema = z
  .record(z.string().max(64), z.string().max(512))
  .refine((value) => Object.keys(value).length <= 16, 'metadata takes at most 16 key-value pairs')
  .nullable();

const looseRecord = z.record(z.string(), z.unknown());

export const dataSourceConfigSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('custom'), item_schema: looseRecord, include_sample_schema: z.boolean().optional() }),
  z.looseObject({ type: z.literal('logs'), metadata: looseRecord.nullish() }),
  z.looseObject({ type: z.literal('stored_completions'), metadata: looseRecord.nullish() }),
]);

export const createEvalSchema = z.looseObject({
  name: z.string().optional(),
  data_source_config: dataSourceConfigSchema,
  testing_criteria: z.array(z.looseObject({ type: z.string().min(1), name: z.string().optional() })).min(1),
  metadata: metadataSchema.optional(),
});

export const updateEvalSchema = z.looseObject({
  name: z.string().optional(),
  metadata: metadataSchema.optional(),
});

export const createRunSchema = z.looseObject({
  name: z.string().optional(),
  data_source: z.looseObject({ type: z.enum(['jsonl', 'completions', 'responses']) }),
  metadata: metadataSchema.optional(),
});

const listQuery = {
  after: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  order: z.enum(['asc', 'desc']).default('desc'),
};

export const listEvalsQuerySchema = z.object({ ...listQuery, order_by: z.enum(['created_at', 'updated_at']).optional() });
export const listRunsQuerySchema = z.object({
  ...listQuery,
  status: z.enum(['queued', 'in_progress', 'completed', 'canceled', 'failed']).optional(),
});
export const listOutputItemsQuerySchema = z.object({ ...listQuery, status: z.enum(['pass', 'fail']).optional() });
