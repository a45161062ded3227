/** OpenAI Evals routes under `/v1`: evals, runs (create/list/get/cancel) and output items. */
import type { z } from 'zod';
import { cursorPage } from '../../http/pagination.js';
import { json, type Reply } from '../../http/reply.js';
import type { Route } from '../../http/router.js';
import { queryObject, validateBody, validateValue } from '../../http/validate.js';
import { openaiEvalId, openaiRunId } from '../../ids.js';
import { isTerminal } from '../../lifecycle.js';
import type { EmulatorState } from '../../state.js';
import type { OpenAIEval, OpenAIRun } from '../../store.js';
import type { ProviderApi } from '../provider.js';
import { openaiErrors, openaiNotFound, openaiValidationError } from './errors.js';
import {
  createEvalSchema,
  createRunSchema,
  dataSourceConfigSchema,
  listEvalsQuerySchema,
  listOutputItemsQuerySchema,
  listRunsQuerySchema,
  updateEvalSchema,
} from './schemas.js';
import { evalObject, openaiPhaseOfRaw, openaiRawStatus, outputItems, runObject, runState } from './views.js';

export const DEMO_EVAL_ID = 'eval_demo';
const DEFAULT_MODEL = 'gpt-4o-mini';

/** The response form of a data source config: the item (and sample) namespaces as one JSON schema. */
function responseDataSourceConfig(config: z.infer<typeof dataSourceConfigSchema>): Record<string, unknown> {
  const sample = { type: 'object', additionalProperties: true };
  if (config.type === 'custom') {
    const properties: Record<string, unknown> = { item: config.item_schema };
    if (config.include_sample_schema) properties.sample = sample;
    return { type: 'custom', schema: { type: 'object', properties, required: Object.keys(properties) } };
  }
  return {
    type: config.type,
    metadata: config.metadata ?? null,
    schema: { type: 'object', properties: { item: { type: 'object' }, sample }, required: ['item', 'sample'] },
  };
}

const list = <T>(page: { data: T[]; first_id: string | null; last_id: string | null; has_more: boolean }) => ({
  object: 'list',
  ...page,
});

export function createOpenAIApi(state: EmulatorState): ProviderApi {
  const evals = () => state.store.openaiEvals;
  const runs = () => state.store.openaiRuns;

  function createRun(evalId: string, body: z.infer<typeof createRunSchema>, createdAt?: number): OpenAIRun {
    const { ordinal, sim, scores } = state.newSimulation('openai', { createdAt });
    const model = typeof body.data_source.model === 'string' ? body.data_source.model : DEFAULT_MODEL;
    const id = openaiRunId();
    return runs().add({
      id,
      ordinal,
      sim,
      scores,
      evalId,
      name: body.name ?? `run-${id.slice(-8)}`,
      model,
      dataSource: body.data_source,
      metadata: body.metadata ?? {},
    });
  }

  const withEval = (evalId: string | undefined, handle: (record: OpenAIEval) => Reply): Reply => {
    const record = evalId === undefined ? undefined : evals().get(evalId);
    return record ? handle(record) : openaiNotFound(`No eval found with id '${evalId}'.`);
  };

  const withRun = (
    params: Record<string, string>,
    handle: (run: OpenAIRun, evalRecord: OpenAIEval) => Reply,
  ): Reply =>
    withEval(params.evalId, (evalRecord) => {
      const run = params.runId === undefined ? undefined : runs().get(params.runId);
      if (!run || run.evalId !== evalRecord.id) {
        return openaiNotFound(`No run found with id '${params.runId}' for eval '${evalRecord.id}'.`);
      }
      return handle(run, evalRecord);
    });

  const routes: Route[] = [
    {
      method: 'POST',
      pattern: '/v1/evals',
      handler: ({ body, now }) => {
        const parsed = validateBody(createEvalSchema, body);
        if (!parsed.ok) return openaiValidationError(parsed.issues);
        const id = openaiEvalId();
        const record = evals().add({
          id,
          name: parsed.data.name ?? `eval-${id.slice(-8)}`,
          dataSourceConfig: responseDataSourceConfig(parsed.data.data_source_config),
          testingCriteria: parsed.data.testing_criteria,
          createdAt: now,
          metadata: parsed.data.metadata ?? {},
        });
        return json(200, evalObject(record));
      },
    },
    {
      method: 'GET',
      pattern: '/v1/evals',
      handler: ({ query }) => {
        const parsed = validateValue(listEvalsQuerySchema, queryObject(query));
        if (!parsed.ok) return openaiValidationError(parsed.issues);
        const page = cursorPage(evals().newestFirst(), parsed.data);
        return json(200, list({ ...page, data: page.data.map(evalObject) }));
      },
    },
    {
      method: 'GET',
      pattern: '/v1/evals/:evalId',
      handler: ({ params }) => withEval(params.evalId, (record) => json(200, evalObject(record))),
    },
    {
      method: 'POST',
      pattern: '/v1/evals/:evalId',
      handler: ({ params, body }) =>
        withEval(params.evalId, (record) => {
          const parsed = validateBody(updateEvalSchema, body, {});
          if (!parsed.ok) return openaiValidationError(parsed.issues);
          if (parsed.data.name !== undefined) record.name = parsed.data.name;
          if (parsed.data.metadata !== undefined) record.metadata = parsed.data.metadata;
          return json(200, evalObject(record));
        }),
    },
    {
      method: 'POST',
      pattern: '/v1/evals/:evalId/runs',
      handler: ({ params, body, now }) =>
        withEval(params.evalId, (evalRecord) => {
          const parsed = validateBody(createRunSchema, body);
          if (!parsed.ok) return openaiValidationError(parsed.issues);
          const run = createRun(evalRecord.id, parsed.data, now);
          return json(200, runObject(run, evalRecord, now, state.origin));
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
          return json(200, list({ ...page, data: page.data.map((run) => runObject(run, evalRecord, now, state.origin)) }));
        }),
    },
    {
      method: 'GET',
      pattern: '/v1/evals/:evalId/runs/:runId',
      handler: ({ params, now }) =>
        withRun(params, (run, evalRecord) => json(200, runObject(run, evalRecord, now, state.origin))),
    },
    {
      method: 'POST',
      pattern: '/v1/evals/:evalId/runs/:runId',
      handler: ({ params, now }) =>
        withRun(params, (run, evalRecord) => {
          // Cancelling a terminal run is not an error: the run comes back unchanged.
          if (!isTerminal(runState(run, now).state.phase)) run.sim.cancelledAt = now;
          return json(200, runObject(run, evalRecord, now, state.origin));
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
          const items = outputItems(run, evalRecord, now)
            .filter((item) => status === undefined || item.status === status)
            .reverse();
          return json(200, list(cursorPage(items, parsed.data)));
        }),
    },
  ];

  return {
    provider: 'openai',
    prefix: '/v1',
    routes,
    errors: openaiErrors,
    rawStatus: openaiRawStatus,
    phaseOfRaw: openaiPhaseOfRaw,
    records: () => runs().oldestFirst(),
    find: (id) => runs().get(id),
    initialize: () => {
      evals().add({
        id: DEMO_EVAL_ID,
        name: 'Demo eval',
        dataSourceConfig: responseDataSourceConfig({
          type: 'custom',
          item_schema: {
            type: 'object',
            properties: { input: { type: 'string' }, expected: { type: 'string' } },
            required: ['input', 'expected'],
          },
          include_sample_schema: true,
        }),
        testingCriteria: [
          {
            type: 'string_check',
            name: 'Exact match',
            input: '{{sample.output_text}}',
            reference: '{{item.expected}}',
            operation: 'eq',
          },
        ],
        createdAt: state.clock(),
        metadata: {},
      });
    },
    seed: (count) => {
      const now = state.clock();
      const dataSource = { type: 'completions' as const, source: { type: 'file_id', id: 'file-seeded' } };
      for (let i = 0; i < count; i++) {
        createRun(DEMO_EVAL_ID, { name: `seeded run ${i + 1}`, data_source: dataSource }, now - (count - i));
      }
    },
  };
}
