import { z } from 'zod';
import { nullableNumber, nullableString } from '../wire-helpers.js';

// Private wire shapes of Nugen Evaluations (/api/v3). Loose objects; statuses as plain strings in any case.

export const nugenCreateResponse = z.looseObject({
  evaluation_id: z.string(),
  model_id: nullableString,
  status: z.string(),
  benchmark_id: nullableString,
  created_at: nullableString,
  message: nullableString,
});

export const nugenStatus = z.looseObject({
  evaluation_id: z.string(),
  status: z.string(),
  progress: nullableNumber,
  questions_completed: nullableNumber,
  total_questions: nullableNumber,
  eta_seconds: nullableNumber,
  error: nullableString,
  message: nullableString,
});
export type NugenStatusWire = z.infer<typeof nugenStatus>;

const scoreList = z.array(z.unknown()).transform((values) => values.filter((v): v is number => typeof v === 'number'));

export const nugenResults = z.looseObject({
  evaluation_id: z.string(),
  model_id: nullableString,
  model_id_2: nullableString,
  benchmark_id: nullableString,
  status: nullableString,
  created_at: nullableString,
  completed_at: nullableString,
  report_url: nullableString,
  results: z.looseObject({
    average_score: nullableNumber,
    total_questions: nullableNumber,
    scores: scoreList.nullish(),
  }),
  comparison: z
    .looseObject({ model_id: nullableString, average_score: nullableNumber, scores: scoreList.nullish() })
    .nullish(),
});
export type NugenResultsWire = z.infer<typeof nugenResults>;

/**
 * `GET .../download`: the result file. The docs give examples but no schema and mark nothing required, so every
 * field is optional here; only `detailed_results` is read.
 */
export const nugenDownload = z.looseObject({
  detailed_results: z.array(z.record(z.string(), z.unknown())).nullish(),
});

export const nugenListItem = z.looseObject({
  evaluation_id: z.string(),
  model_id: nullableString,
  model_id_2: nullableString,
  benchmark_id: nullableString,
  status: z.string(),
  created_at: nullableString,
});
export type NugenListItemWire = z.infer<typeof nugenListItem>;

export const nugenList = z.looseObject({
  evaluations: z.array(nugenListItem),
  total: nullableNumber,
  offset: nullableNumber,
  limit: nullableNumber,
});
