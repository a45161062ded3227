import { isTerminal } from '@evalgate/core';
import type { ExtensionProvider } from '../extension-provider.js';
import { jsonObjectCheck, optional, required } from '../../start/start-field.js';

export const openaiExtension: ExtensionProvider = {
  name: 'openai',
  hint: 'eval → runs',
  baseUrlPrompt: 'API root (the emulator: http://127.0.0.1:4010/v1)',
  startFields: [
    {
      input: 'eval-id',
      prompt: 'Eval to create a run of',
      placeholder: 'e.g. eval_67abd54d9b0081909a86353f6fb9317a',
      required: true,
      check: required('eval id'),
    },
    { input: 'name', prompt: 'Run name (optional)', placeholder: 'e.g. nightly', required: false, check: optional },
    {
      input: 'data-source',
      prompt: "The run's data_source as a JSON object",
      placeholder: '{"type": "jsonl", "source": {"type": "file_id", "id": "file-…"}}',
      required: true,
      check: jsonObjectCheck('data-source', true),
    },
  ],
  buildRequest: (value) => ({
    provider: 'openai',
    evalId: value('eval-id'),
    ...(value('name') !== '' ? { name: value('name') } : {}),
    dataSource: JSON.parse(value('data-source')) as Record<string, unknown>,
  }),
  // Listed runs carry no scores: a finished one is read once for its output-item scores.
  needsDetails: (evaluation) => isTerminal(evaluation.status) && evaluation.scores === undefined,
};
