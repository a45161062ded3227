import * as z from 'zod/mini';
import { lazy } from '../../lazy.js';
import { nullables } from '../wire-helpers.js';

// Private wire shapes of OpenAI Evals. Loose objects; statuses as plain strings. Every field the spec marks required
// but the examples show as null (`error`, `per_model_usage`, `per_testing_criteria_results`: QUIRKS OPENAI-3) is
// nullish here, and nothing beyond the ids and the status is required.

/** A list page of OpenAI's shape around `item`. */
function openAIList<T extends z.ZodMiniType>(item: T) {
  const { nullableString } = nullables();
  return z.looseObject({
    data: z.array(item),
    first_id: nullableString,
    last_id: nullableString,
    has_more: z.nullish(z.boolean()),
  });
}

/** Built on first use (see lazy.ts). */
export const openAIWire = lazy(() => {
  const { nullableNumber, nullableString } = nullables();
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

  const openAIRun = z.looseObject({
    id: z.string(),
    eval_id: z.string(),
    status: z.string(),
    model: nullableString,
    name: nullableString,
    created_at: nullableNumber,
    report_url: nullableString,
    result_counts: z.nullish(resultCounts),
    per_model_usage: z.nullish(z.array(modelUsage)),
    per_testing_criteria_results: z.nullish(z.array(criteriaResult)),
    metadata: z.nullish(z.record(z.string(), z.unknown())),
    data_source: z.nullish(z.record(z.string(), z.unknown())),
    error: z.nullish(z.looseObject({ code: nullableString, message: nullableString })),
  });

  const openAIEval = z.looseObject({
    id: z.string(),
    name: nullableString,
    created_at: nullableNumber,
  });

  const openAIOutputItem = z.looseObject({
    id: z.string(),
    status: nullableString,
    results: z.nullish(z.array(z.looseObject({ name: nullableString, score: z.nullish(z.number()), passed: z.nullish(z.boolean()) }))),
  });

  /** An output item with what a per-sample view shows: the row, the model's messages, each grader's result. */
  const openAIOutputItemDetail = z.extend(openAIOutputItem, {
    datasource_item_id: z.nullish(z.number()),
    datasource_item: z.nullish(z.record(z.string(), z.unknown())),
    sample: z.nullish(z.looseObject({ input: z.nullish(z.array(z.unknown())), output: z.nullish(z.array(z.unknown())) })),
  });
  return {
    openAIRun,
    openAIOutputItemDetail,
    runList: openAIList(openAIRun),
    evalList: openAIList(openAIEval),
    outputItemList: openAIList(openAIOutputItem),
    outputItemDetailList: openAIList(openAIOutputItemDetail),
  };
});

export type OpenAIRunWire = z.infer<ReturnType<typeof openAIWire>['openAIRun']>;
export type OpenAIOutputItemDetailWire = z.infer<ReturnType<typeof openAIWire>['openAIOutputItemDetail']>;
