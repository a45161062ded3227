/** Finding the eval and run a path names, answering the OpenAI 404 when there is none. */
import type { Reply } from '../../http/reply.js';
import type { EmulatorState } from '../../state.js';
import { OPENAI_EVALS, OPENAI_RUNS, type OpenAIEval, type OpenAIRun } from './records-store.js';
import { openaiNotFound } from './errors.js';

// Function-typed properties, not methods: callers destructure them (`const { withEval } = lookup(state)`).
export interface Lookup {
  withEval: (evalId: string | undefined, handle: (record: OpenAIEval) => Reply) => Reply;
  withRun: (params: Record<string, string>, handle: (run: OpenAIRun, evalRecord: OpenAIEval) => Reply) => Reply;
}

export function lookup(state: EmulatorState): Lookup {
  const withEval: Lookup['withEval'] = (evalId, handle) => {
    const record = evalId === undefined ? undefined : state.store.of(OPENAI_EVALS).get(evalId);
    return record ? handle(record) : openaiNotFound(`No eval found with id '${evalId}'.`);
  };
  return {
    withEval,
    withRun: (params, handle) =>
      withEval(params.evalId, (evalRecord) => {
        const run = params.runId === undefined ? undefined : state.store.of(OPENAI_RUNS).get(params.runId);
        if (!run || run.evalId !== evalRecord.id) {
          return openaiNotFound(`No run found with id '${params.runId}' for eval '${evalRecord.id}'.`);
        }
        return handle(run, evalRecord);
      }),
  };
}

/** The list envelope of every OpenAI list endpoint. */
export const listBody = <T>(page: { data: T[]; first_id: string | null; last_id: string | null; has_more: boolean }) => ({
  object: 'list',
  ...page,
});
