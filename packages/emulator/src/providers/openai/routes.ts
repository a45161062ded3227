/** OpenAI Evals under `/v1`: every `/evals` operation of the spec, plus the `/cancel` path current SDKs call. */
import type { EmulatorState } from '../../state.js';
import type { ProviderApi } from '../provider.js';
import { openaiErrors } from './errors.js';
import { evalRoutes, responseDataSourceConfig } from './eval-routes.js';
import { newRun, runRoutes } from './run-routes.js';
import { openaiPhaseOfRaw, openaiRawStatus } from './views.js';
import { OPENAI_EVALS, OPENAI_RUNS } from './records-store.js';

export const DEMO_EVAL_ID = 'eval_demo';

export function createOpenAIApi(state: EmulatorState): ProviderApi {
  const createRun = (evalId: string, body: Parameters<typeof newRun>[2], createdAt?: number) => newRun(state, evalId, body, createdAt);
  return {
    provider: 'openai',
    prefix: '/v1',
    routes: [...evalRoutes(state), ...runRoutes(state, createRun)],
    errors: openaiErrors,
    rawStatus: openaiRawStatus,
    phaseOfRaw: openaiPhaseOfRaw,
    records: () => state.store.of(OPENAI_RUNS).oldestFirst(),
    find: (id) => state.store.of(OPENAI_RUNS).get(id),
    initialize: () => {
      const now = state.clock();
      state.store.of(OPENAI_EVALS).add({
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
        createdAt: now,
        updatedAt: now,
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
