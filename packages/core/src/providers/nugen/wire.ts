import * as z from 'zod/mini';
import { lazy } from '../../lazy.js';
import { nullables } from '../wire-helpers.js';

// Private wire shapes of Nugen Evaluations (/api/v3), after the docs pages (QUIRKS NUGEN-1…12). Loose objects:
// only the fields core reads are checked, and a field the docs mark optional may be absent or null.

/** Built on first use (see lazy.ts). */
export const nugenWire = lazy(() => {
  const { nullableString } = nullables();
  const nullableCount = z.nullish(z.int().check(z.nonnegative()));
  const nullableSeconds = z.nullish(z.number().check(z.nonnegative()));
  /** Free-form objects (`metrics`, `base_model`, …): keys vary between runs (NUGEN-2). */
  const freeForm = z.record(z.string(), z.unknown());

  const nugenCreateResponse = z.looseObject({
    evaluation_id: z.string().check(z.minLength(1)),
    model_id: nullableString,
    status: z.string(),
    benchmark_id: nullableString,
    judge_provider: nullableString,
    created_at: nullableString,
    message: nullableString,
  });

  /** `GET …/status`: `progress` is display text ("5/10 questions"); the integers are the numbers (NUGEN-1). */
  const nugenStatus = z.looseObject({
    evaluation_id: z.string().check(z.minLength(1)),
    status: z.string(),
    benchmark_id: nullableString,
    progress: nullableString,
    questions_completed: nullableCount,
    total_questions: nullableCount,
    avg_time_per_question: nullableSeconds,
    eta_seconds: nullableSeconds,
    start_time: nullableString,
    end_time: nullableString,
  });

  /** `GET …/results`: `metrics` (method `eval`) or `base_model`/`eval_model`/`comparison` (method `eval-compare`). */
  const nugenResults = z.looseObject({
    evaluation_id: z.string().check(z.minLength(1)),
    model_id: nullableString,
    benchmark_id: nullableString,
    status: nullableString,
    raw_answers_count: nullableCount,
    completed_at: nullableString,
    method: nullableString,
    model_id_2: nullableString,
    metrics: z.nullish(freeForm),
    base_model: z.nullish(freeForm),
    eval_model: z.nullish(freeForm),
    comparison: z.nullish(freeForm),
  });

  /** One scored question; `score` is read leniently (a row without a numeric score is skipped, not fatal). */
  const detailedResult = z.looseObject({ score: z.unknown() });
  const detailedResults = z.nullish(z.array(detailedResult));

  /**
   * `GET …/download`: the result file. The single-model layout is documented; the comparison layout is not (NUGEN-2),
   * so per-model `detailed_results` under `base_model`/`eval_model` are read when present and nothing is required.
   */
  const nugenDownload = z.looseObject({
    metrics: z.nullish(freeForm),
    detailed_results: detailedResults,
    base_model: z.nullish(z.looseObject({ model_id: nullableString, detailed_results: detailedResults })),
    eval_model: z.nullish(z.looseObject({ model_id: nullableString, detailed_results: detailedResults })),
  });

  const nugenListItem = z.looseObject({
    evaluation_id: z.string().check(z.minLength(1)),
    model_id: nullableString,
    model_id_2: nullableString,
    benchmark_id: nullableString,
    status: z.string(),
    judge_provider: nullableString,
    created_at: nullableString,
    metrics: z.nullish(freeForm),
  });

  const nugenList = z.looseObject({
    user_id: nullableString,
    evaluations: z.array(nugenListItem),
    total: nullableCount,
    offset: nullableCount,
    limit: nullableCount,
  });
  return { nugenCreateResponse, nugenStatus, nugenResults, nugenDownload, nugenListItem, nugenList };
});

export type NugenStatusWire = z.infer<ReturnType<typeof nugenWire>['nugenStatus']>;

export type NugenResultsWire = z.infer<ReturnType<typeof nugenWire>['nugenResults']>;

export type NugenDownloadWire = z.infer<ReturnType<typeof nugenWire>['nugenDownload']>;

export type NugenListItemWire = z.infer<ReturnType<typeof nugenWire>['nugenListItem']>;
