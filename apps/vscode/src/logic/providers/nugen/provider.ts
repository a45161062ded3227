import type { ExtensionProvider } from '../extension-provider.js';
import { optional, required } from '../../start/start-field.js';

export const nugenExtension: ExtensionProvider = {
  name: 'nugen',
  baseUrlPrompt: 'Base URL (the emulator: http://127.0.0.1:4010)',
  startFields: [
    { input: 'model-id', prompt: 'Model to evaluate', placeholder: 'e.g. llama-3-8b', required: true, check: required('model id') },
    { input: 'benchmark-id', prompt: 'Benchmark to run', placeholder: 'e.g. task-abc123', required: true, check: required('benchmark id') },
    {
      input: 'baseline-model-id',
      prompt: 'Second model, evaluated side by side (optional)',
      placeholder: 'leave empty for a single model',
      required: false,
      check: optional,
    },
  ],
  buildRequest: (value) => ({
    provider: 'nugen',
    modelId: value('model-id'),
    benchmarkId: value('benchmark-id'),
    ...(value('baseline-model-id') !== '' ? { modelId2: value('baseline-model-id') } : {}),
  }),
  // Lists carry no scores nor report link, and say PROCESSING for queued and running alike.
  needsDetails: () => true,
};
