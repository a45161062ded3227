import { z } from 'zod';
import { nullableNumber, nullableString } from '../wire-helpers.js';

// Private wire shapes of OpenAI Evals. Loose objects; statuses as plain strings. Every field the spec marks required
// but the examples show as null (`error`, `per_model_usage`, `per_testing_criteria_results`: QUIRKS OPENAI-3) is
// nullish here, and nothing beyond the ids and the status is required.

const resultCounts = z.looseObject({
  total: nullableNumber,
  errored: nullableNumber,
  failed: nullableNumber,
  passed: nullableNumber,
});

const modelUsage = z.looseObject({
  model_name: z.string(),
  invocation_count: nullableNumber,
  prompt_tokens: nullableNumber,
  completion_tokens: nullableNumber,
  total_tokens: nullableNumber,
  cached_tokens: nullableNumber,
});

const criteriaResult = z.looseObject({ testing_criteria: nullableString, passed: nullableNumber, failed: nullableNumber });

export const openAIRun = z.looseObject({
  id: z.string(),
  eval_id: z.string(),
  status: z.string(),
  model: nullableString,
  name: nullableString,
  created_at: nullableNumber,
  report_url: nullableString,
  result_counts: resultCounts.nullish(),
  per_model_usage: z.array(modelUsage).nullish(),
  per_testing_criteria_results: z.array(criteriaResult).nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  data_source: z.record(z.string(), z.unknown()).nullish(),
  error: z.looseObject({ code: nullableString, message: nullableString }).nullish(),
});
export type OpenAIRunWire = z.infer<typeof openAIRun>;

export const openAIEval = z.looseObject({
  id: z.string(),
  name: nullableString,
  created_at: nullableNumber,
});

export const openAIOutputItem = z.looseObject({
  id: z.string(),
  status: nullableString,
  results: z
    .array(z.looseObject({ name: nullableString, score: z.number().nullish(), passed: z.boolean().nullish() }))
    .nullish(),
});

/** An output item with what a per-sample view shows: the row, the model's messages, each grader's result. */
export const openAIOutputItemDetail = openAIOutputItem.extend({
  datasource_item_id: z.number().nullish(),
  datasource_item: z.record(z.string(), z.unknown()).nullish(),
  sample: z
    .looseObject({ input: z.array(z.unknown()).nullish(), output: z.array(z.unknown()).nullish() })
    .nullish(),
});
export type OpenAIOutputItemDetailWire = z.infer<typeof openAIOutputItemDetail>;

export function openAIList<T extends z.ZodType>(item: T) {
  return z.looseObject({
    data: z.array(item),
    first_id: nullableString,
    last_id: nullableString,
    has_more: z.boolean().nullish(),
  });
}
