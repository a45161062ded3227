/** `/v1/evals` and `/v1/evals/{eval_id}`: create (201), list, get, update (POST), delete. */
import type { z } from 'zod';
import { cursorPage } from '../../http/pagination.js';
import { json } from '../../http/reply.js';
import type { Route } from '../../http/router.js';
import { queryObject, validateBody, validateValue } from '../../http/validate.js';
import { openaiEvalId } from '../../ids.js';
import type { EmulatorState } from '../../state.js';
import { OPENAI_EVALS, OPENAI_RUNS, type OpenAIEval } from './records-store.js';
import { openaiValidationError } from './errors.js';
import { listBody, lookup } from './lookup.js';
import { storedGrader } from './messages.js';
import { createEvalSchema, listEvalsQuerySchema, updateEvalSchema, type dataSourceConfigSchema } from './schemas.js';
import { evalObject } from './views.js';

/** The response form of a data source config: the item (and sample) namespaces as one JSON schema. */
export function responseDataSourceConfig(config: z.infer<typeof dataSourceConfigSchema>): Record<string, unknown> {
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

/** Newest first by `order_by`; ties keep creation order. */
function newestFirst(evals: readonly OpenAIEval[], orderBy: 'created_at' | 'updated_at'): OpenAIEval[] {
  const key = (record: OpenAIEval) => (orderBy === 'updated_at' ? record.updatedAt : record.createdAt);
  return evals
    .map((record, index) => ({ record, index }))
    .sort((a, b) => key(b.record) - key(a.record) || b.index - a.index)
    .map(({ record }) => record);
}

export function evalRoutes(state: EmulatorState): Route[] {
  const evals = () => state.store.of(OPENAI_EVALS);
  const { withEval } = lookup(state);
  return [
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
          testingCriteria: parsed.data.testing_criteria.map(storedGrader),
          createdAt: now,
          updatedAt: now,
          metadata: parsed.data.metadata ?? {},
        });
        return json(201, evalObject(record));
      },
    },
    {
      method: 'GET',
      pattern: '/v1/evals',
      handler: ({ query }) => {
        const parsed = validateValue(listEvalsQuerySchema, queryObject(query));
        if (!parsed.ok) return openaiValidationError(parsed.issues);
        const page = cursorPage(newestFirst(evals().oldestFirst(), parsed.data.order_by), parsed.data);
        return json(200, listBody({ ...page, data: page.data.map(evalObject) }));
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
      handler: ({ params, body, now }) =>
        withEval(params.evalId, (record) => {
          const parsed = validateBody(updateEvalSchema, body, {});
          if (!parsed.ok) return openaiValidationError(parsed.issues);
          if (parsed.data.name !== undefined) record.name = parsed.data.name;
          if (parsed.data.metadata !== undefined) record.metadata = parsed.data.metadata;
          record.updatedAt = now;
          return json(200, evalObject(record));
        }),
    },
    {
      method: 'DELETE',
      pattern: '/v1/evals/:evalId',
      handler: ({ params }) =>
        withEval(params.evalId, (record) => {
          // The runs go with their eval.
          for (const run of state.store
            .of(OPENAI_RUNS)
            .oldestFirst()
            .filter((candidate) => candidate.evalId === record.id)) {
            state.store.of(OPENAI_RUNS).remove(run.id);
          }
          evals().remove(record.id);
          return json(200, { object: 'eval.deleted', deleted: true, eval_id: record.id });
        }),
    },
  ];
}
