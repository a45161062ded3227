import * as z from 'zod/mini';
import { lazy } from '../../lazy.js';
import { nullables } from '../wire-helpers.js';

// Private wire shapes of the Prime Evaluations API. Loose objects: extra fields never throw;
// statuses are plain strings so new ones map to `unknown` instead of failing validation.

/** Built on first use (see lazy.ts). */
export const primeWire = lazy(() => {
  const { nullableNumber, nullableString } = nullables();
  const primeEvaluation = z
    .looseObject({
      evaluation_id: nullableString,
      id: nullableString,
      name: z.string(),
      status: z.string(),
      eval_type: nullableString,
      is_hosted: z.nullish(z.boolean()),
      environment_ids: z.nullish(z.array(z.string())),
      suite_id: nullableString,
      run_id: nullableString,
      inference_model: nullableString,
      eval_config: z.nullish(z.record(z.string(), z.unknown())),
      team_id: nullableString,
      model_name: nullableString,
      viewer_url: nullableString,
      created_at: nullableString,
      started_at: nullableString,
      updated_at: nullableString,
      completed_at: nullableString,
      total_samples: nullableNumber,
      avg_score: nullableNumber,
      min_score: nullableNumber,
      max_score: nullableNumber,
      tags: z.nullish(z.array(z.string())),
      metadata: z.nullish(z.record(z.string(), z.unknown())),
      progress: nullableNumber,
      error_message: nullableString,
    })
    .check(
      z.superRefine((value, ctx) => {
        if (!value.evaluation_id && !value.id) {
          ctx.addIssue({ code: 'custom', path: ['evaluation_id'], message: 'required (neither evaluation_id nor id present)' });
        }
      }),
    );

  const primeEvaluationList = z.looseObject({
    evaluations: z.array(primeEvaluation),
    total: nullableNumber,
    skip: nullableNumber,
    limit: nullableNumber,
  });

  const primeFinalizeResponse = z.looseObject({
    evaluation_id: z.string(),
    status: z.string(),
    message: nullableString,
    total_samples: nullableNumber,
    avg_score: nullableNumber,
    min_score: nullableNumber,
    max_score: nullableNumber,
    viewer_url: nullableString,
  });

  /** `PATCH /api/v1/hosted-evaluations/{id}/cancel`; `success: false` means nothing was cancelled. */
  const primeCancelResponse = z.looseObject({
    success: z.nullish(z.boolean()),
    message: nullableString,
    evaluation_id: nullableString,
    status: nullableString,
  });

  /** `POST /api/v1/evaluations/{id}/samples` (spec: `samples_pushed`, `status`); nothing in it is needed. */
  const primePushSamplesResponse = z.looseObject({ evaluation_id: nullableString, samples_pushed: nullableNumber });

  /** `GET /api/v1/evaluations/{id}/samples`: page-numbered, samples free-form. */
  const primeSamplesPage = z.looseObject({
    samples: z.array(z.unknown()),
    total: nullableNumber,
    page: nullableNumber,
    limit: nullableNumber,
    total_pages: nullableNumber,
  });

  /** `POST /api/v1/hosted-evaluations`: one id, or several when several environments were given. */
  const primeHostedCreated = z
    .looseObject({
      evaluation_id: nullableString,
      evaluation_ids: z.nullish(z.array(z.string())),
      sandbox_id: nullableString,
      status: nullableString,
      error: nullableString,
    })
    .check(
      z.superRefine((value, ctx) => {
        if (!value.evaluation_id && !value.evaluation_ids?.[0]) {
          ctx.addIssue({
            code: 'custom',
            path: ['evaluation_id'],
            message: `required (neither evaluation_id nor evaluation_ids present${value.error ? `; Prime said: ${value.error}` : ''})`,
          });
        }
      }),
    );

  /** `PUT /api/v1/evaluations/{id}`. */
  const primeUpdated = z.looseObject({ evaluation_id: nullableString, status: nullableString });
  return {
    primeEvaluation,
    primeEvaluationList,
    primeFinalizeResponse,
    primeCancelResponse,
    primePushSamplesResponse,
    primeSamplesPage,
    primeHostedCreated,
    primeUpdated,
  };
});

export type PrimeEvaluationWire = z.infer<ReturnType<typeof primeWire>['primeEvaluation']>;

export type PrimeFinalizeWire = z.infer<ReturnType<typeof primeWire>['primeFinalizeResponse']>;

export type PrimeHostedCreatedWire = z.infer<ReturnType<typeof primeWire>['primeHostedCreated']>;
