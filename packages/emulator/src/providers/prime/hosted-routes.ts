/** Prime's `/api/v1/hosted-evaluations` routes: create-and-start, cancel, logs, and the inference models. */
import { json } from '../../http/reply.js';
import type { Route } from '../../http/router.js';
import { validateBody } from '../../http/validate.js';
import { isTerminal } from '../../lifecycle.js';
import type { EmulatorState } from '../../state.js';
import { primeDetail, primeValidationError } from './errors.js';
import type { WithEvaluation } from './lookup.js';
import { addPrimeRecord } from './records.js';
import { createHostedSchema } from './schemas.js';
import { primeState } from './views.js';

/** What `GET /hosted-evaluations/models` lists (objects are free-form in the spec). */
export const EMULATED_INFERENCE_MODELS = [
  { id: 'meta-llama/llama-3.1-8b-instruct', name: 'Llama 3.1 8B Instruct' },
  { id: 'qwen/qwen3-30b-a3b', name: 'Qwen3 30B A3B' },
];

export function hostedRoutes(state: EmulatorState, withEvaluation: WithEvaluation): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/api/v1/hosted-evaluations',
      handler: ({ body, now }) => {
        const parsed = validateBody(createHostedSchema, body);
        if (!parsed.ok) return primeValidationError(parsed.issues);
        const request = parsed.data;
        // One evaluation per environment, as the spec's `evaluation_ids` describes.
        const records = request.environment_ids.map((environmentId) =>
          addPrimeRecord(state, {
            name: request.name ?? `${environmentId}-${request.inference_model}`,
            runs: true,
            hosted: true,
            environmentIds: [environmentId],
            body: { team_id: request.team_id, inference_model: request.inference_model, eval_config: request.eval_config },
            createdAt: now,
          }),
        );
        const first = records[0]!;
        return json(201, {
          evaluation_id: first.id,
          sandbox_id: first.sandboxId,
          status: primeState(first, now).status,
          evaluation_ids: records.length > 1 ? records.map((record) => record.id) : null,
          error: null,
        });
      },
    },
    {
      method: 'GET',
      pattern: '/api/v1/hosted-evaluations/models',
      handler: () => json(200, { models: EMULATED_INFERENCE_MODELS }),
    },
    {
      // Undocumented for non-hosted or finished ones; the pack suggests success: false with the status unchanged.
      method: 'PATCH',
      pattern: '/api/v1/hosted-evaluations/:id/cancel',
      handler: ({ params, now }) =>
        withEvaluation(params.id, (record) => {
          const { state: before, status } = primeState(record, now);
          if (!record.hosted) {
            return json(200, { success: false, message: 'Only hosted evaluations can be cancelled', evaluation_id: record.id, status });
          }
          if (isTerminal(before.phase)) {
            return json(200, { success: false, message: `Evaluation already finished (${status})`, evaluation_id: record.id, status });
          }
          record.sim.cancelledAt = now;
          record.updatedAt = now;
          return json(200, { success: true, message: 'Hosted evaluation cancelled', evaluation_id: record.id, status: primeState(record, now).status });
        }),
    },
    {
      method: 'GET',
      pattern: '/api/v1/hosted-evaluations/:id/logs',
      handler: ({ params, now }) =>
        withEvaluation(params.id, (record) => {
          if (!record.hosted) return primeDetail(404, 'Hosted evaluation not found');
          const { state: lifecycle, status } = primeState(record, now);
          const logs =
            lifecycle.phase === 'queued'
              ? 'Waiting for container to start...'
              : `Running ${record.environmentIds?.join(', ') ?? 'environment'} against ${record.inferenceModel ?? 'model'}\nprogress ${Math.round(lifecycle.progress * 100)}%\nstatus ${status}`;
          return json(200, { logs, sandbox_id: record.sandboxId, evaluation_id: record.id });
        }),
    },
  ];
}
