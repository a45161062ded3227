/** Runs and output items under `/v1/evals/{eval_id}/runs`, including both cancel paths (switchable, OPENAI-1). */
import type { z } from 'zod';
import { cursorPage } from '../../http/pagination.js';
import { json, type Reply } from '../../http/reply.js';
import type { Route, RouteContext } from '../../http/router.js';
import { queryObject, validateBody, validateValue } from '../../http/validate.js';
import { openaiRunId } from '../../ids.js';
import { isTerminal } from '../../lifecycle.js';
import type { EmulatorState } from '../../state.js';
import { OPENAI_RUNS, type OpenAIRun } from './records-store.js';
import { openaiErrors, openaiNotFound, openaiValidationError } from './errors.js';
import { listBody, lookup } from './lookup.js';
import { storedDataSource } from './messages.js';
import { createRunSchema, listOutputItemsQuerySchema, listRunsQuerySchema } from './schemas.js';
import { outputItems, runObject, runState } from './views.js';

const DEFAULT_MODEL = 'gpt-4o-mini';

export type CreateRunBody = z.infer<typeof createRunSchema>;

export function runRoutes(state: EmulatorState, createRun: (evalId: string, body: CreateRunBody, createdAt?: number) => OpenAIRun): Route[] {
  const runs = () => state.store.of(OPENAI_RUNS);
  const { withEval, withRun } = lookup(state);

  const cancel =
    (path: 'cancel-suffix' | 'bare') =>
    ({ params, now }: RouteContext): Reply => {
      const served = state.settings.openaiCancelPaths;
      if (served !== 'both' && served !== path) {
        // What a server without this route answers: the bare path exists for GET/DELETE (405), `/cancel` not at all (404).
        return path === 'bare' ? openaiErrors.methodNotAllowed() : openaiNotFound('Not Found');
      }
      return withRun(params, (run, evalRecord) => {
        // Cancelling a terminal run is not an error: the run comes back unchanged.
        if (!isTerminal(runState(run, now).state.phase)) run.sim.cancelledAt = now;
        return json(200, runObject(run, evalRecord, now, state.origin));
      });
    };

  return [
    {
      method: 'POST',
      pattern: '/v1/evals/:evalId/runs',
      handler: ({ params, body, now }) =>
        withEval(params.evalId, (evalRecord) => {
          const parsed = validateBody(createRunSchema, body);
          if (!parsed.ok) return openaiValidationError(parsed.issues);
          const run = createRun(evalRecord.id, parsed.data, now);
          return json(201, runObject(run, evalRecord, now, state.origin));
        }),
    },
    {
      method: 'GET',
      pattern: '/v1/evals/:evalId/runs',
      handler: ({ params, query, now }) =>
        withEval(params.evalId, (evalRecord) => {
          const parsed = validateValue(listRunsQuerySchema, queryObject(query));
          if (!parsed.ok) return openaiValidationError(parsed.issues);
          const { status } = parsed.data;
          const matching = runs()
            .newestFirst()
            .filter((run) => run.evalId === evalRecord.id && (status === undefined || runState(run, now).status === status));
          const page = cursorPage(matching, parsed.data);
          return json(200, listBody({ ...page, data: page.data.map((run) => runObject(run, evalRecord, now, state.origin)) }));
        }),
    },
    {
      method: 'GET',
      pattern: '/v1/evals/:evalId/runs/:runId',
      handler: ({ params, now }) => withRun(params, (run, evalRecord) => json(200, runObject(run, evalRecord, now, state.origin))),
    },
    { method: 'POST', pattern: '/v1/evals/:evalId/runs/:runId', handler: cancel('bare') },
    { method: 'POST', pattern: '/v1/evals/:evalId/runs/:runId/cancel', handler: cancel('cancel-suffix') },
    {
      method: 'DELETE',
      pattern: '/v1/evals/:evalId/runs/:runId',
      handler: ({ params }) =>
        withRun(params, (run) => {
          runs().remove(run.id);
          return json(200, { object: 'eval.run.deleted', deleted: true, run_id: run.id });
        }),
    },
    {
      method: 'GET',
      pattern: '/v1/evals/:evalId/runs/:runId/output_items',
      handler: ({ params, query, now }) =>
        withRun(params, (run, evalRecord) => {
          const parsed = validateValue(listOutputItemsQuerySchema, queryObject(query));
          if (!parsed.ok) return openaiValidationError(parsed.issues);
          const { status } = parsed.data;
          const newestFirst = outputItems(run, evalRecord, now)
            .filter((item) => status === undefined || item.status === status)
            .reverse();
          return json(200, listBody(cursorPage(newestFirst, parsed.data)));
        }),
    },
    {
      method: 'GET',
      pattern: '/v1/evals/:evalId/runs/:runId/output_items/:itemId',
      handler: ({ params, now }) =>
        withRun(params, (run, evalRecord) => {
          const item = outputItems(run, evalRecord, now).find((candidate) => candidate.id === params.itemId);
          return item ? json(200, item) : openaiNotFound(`No output item found with id '${params.itemId}' for run '${run.id}'.`);
        }),
    },
  ];
}

/** A new run record for `body`; the model is the data source's when it names one. */
export function newRun(state: EmulatorState, evalId: string, body: CreateRunBody, createdAt?: number): OpenAIRun {
  const { ordinal, sim, scores } = state.newSimulation('openai', { createdAt });
  const model = typeof body.data_source.model === 'string' ? body.data_source.model : DEFAULT_MODEL;
  const id = openaiRunId();
  return state.store.of(OPENAI_RUNS).add({
    id,
    ordinal,
    sim,
    scores,
    evalId,
    name: body.name ?? `run-${id.slice(-8)}`,
    model,
    dataSource: storedDataSource(body.data_source),
    metadata: body.metadata ?? {},
  });
}
