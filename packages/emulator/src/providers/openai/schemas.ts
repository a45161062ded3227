/** OpenAI Evals request bodies and queries, after the OpenAPI (openai-evals.openapi.yaml) and the public API reference. */
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

/** Plain `{role, content}` or the structured EvalItem; both are accepted (QUIRKS OPENAI-14). */
const messageSchema = z.looseObject({
  type: z.literal('message').optional(),
  role: z.enum(['user', 'assistant', 'system', 'developer']),
  content: z.union([z.string(), looseRecord, z.array(z.unknown())]),
});

/** The five grader kinds of CreateEvalRequest.testing_criteria, with the fields the spec requires. */
export const graderSchema = z.discriminatedUnion('type', [
  z.looseObject({
    type: z.literal('label_model'),
    name: z.string(),
    model: z.string(),
    input: z.array(messageSchema),
    labels: z.array(z.string()),
    passing_labels: z.array(z.string()),
  }),
  z.looseObject({
    type: z.literal('string_check'),
    name: z.string(),
    input: z.string(),
    reference: z.string(),
    operation: z.enum(['eq', 'ne', 'like', 'ilike']),
  }),
  z.looseObject({
    type: z.literal('text_similarity'),
    name: z.string(),
    input: z.string(),
    reference: z.string(),
    evaluation_metric: z.enum(['cosine', 'fuzzy_match', 'bleu', 'gleu', 'meteor', 'rouge_1', 'rouge_2', 'rouge_3', 'rouge_4', 'rouge_5', 'rouge_l']),
    pass_threshold: z.number(),
  }),
  z.looseObject({
    type: z.literal('python'),
    name: z.string(),
    source: z.string(),
    image_tag: z.string().optional(),
    pass_threshold: z.number().optional(),
  }),
  z.looseObject({
    type: z.literal('score_model'),
    name: z.string(),
    model: z.string(),
    input: z.array(messageSchema),
    sampling_params: looseRecord.optional(),
    range: z.array(z.number()).optional(),
    pass_threshold: z.number().optional(),
  }),
]);

export const createEvalSchema = z.looseObject({
  name: z.string().optional(),
  data_source_config: dataSourceConfigSchema,
  testing_criteria: z.array(graderSchema).min(1),
  metadata: metadataSchema.optional(),
});

export const updateEvalSchema = z.looseObject({
  name: z.string().optional(),
  metadata: metadataSchema.optional(),
});

const templateSchema = z.looseObject({ type: z.literal('template'), template: z.array(messageSchema) });

export const createRunSchema = z.looseObject({
  name: z.string().optional(),
  data_source: z.looseObject({
    type: z.enum(['jsonl', 'completions', 'responses']),
    input_messages: z.discriminatedUnion('type', [templateSchema, z.looseObject({ type: z.literal('item_reference') })]).optional(),
    // Both spellings (QUIRKS OPENAI-10); the stored form has only max_completion_tokens.
    sampling_params: z.looseObject({ max_completion_tokens: z.number().int().optional(), max_completions_tokens: z.number().int().optional() }).nullish(),
  }),
  metadata: metadataSchema.optional(),
});

// OpenAI gives no limit range (QUIRKS OPENAI-4); the emulator's choice is 1..100. `order` defaults to asc everywhere.
const listQuery = {
  after: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  order: z.enum(['asc', 'desc']).default('asc'),
};

export const listEvalsQuerySchema = z.object({ ...listQuery, order_by: z.enum(['created_at', 'updated_at']).default('created_at') });
export const listRunsQuerySchema = z.object({
  ...listQuery,
  status: z.enum(['queued', 'in_progress', 'completed', 'canceled', 'failed']).optional(),
});
export const listOutputItemsQuerySchema = z.object({ ...listQuery, status: z.enum(['pass', 'fail']).optional() });
