import type { ExtensionProvider } from '../extension-provider.js';
import { integerCheck, jsonObjectCheck, required } from '../../start/start-field.js';

/** Prime: the guided start creates a hosted run with the complete eval_config (dedicated inputs over eval-config's keys). */
export const primeExtension: ExtensionProvider = {
  name: 'prime',
  baseUrlPrompt: 'Base URL (the emulator: http://127.0.0.1:4010)',
  startFields: [
    { input: 'name', prompt: 'Evaluation name', placeholder: 'e.g. nightly gsm8k', required: true, check: required('name') },
    {
      input: 'environments',
      prompt: 'Environment id (one hub environment of a hosted evaluation)',
      placeholder: 'e.g. gsm8k',
      required: true,
      check: (answer) => required('environment id')(answer) ?? (/[,@\s]/.test(answer.trim()) ? 'one environment id, without a version or comma' : undefined),
    },
    {
      input: 'inference-model',
      prompt: 'Model the hosted evaluation runs',
      placeholder: 'e.g. meta-llama/llama-3.1-8b-instruct',
      required: true,
      check: required('inference model'),
    },
    {
      input: 'num-examples',
      prompt: 'Examples per environment (-1 for all)',
      placeholder: '5',
      required: false,
      defaultValue: '5',
      check: (answer) =>
        answer.trim() === '0' ? 'must be 1 or more, or -1 for all' : integerCheck(-1, Number.MAX_SAFE_INTEGER, 'a whole number, or -1 for all')(answer),
    },
    {
      input: 'rollouts-per-example',
      prompt: 'Rollouts per example (1-2048)',
      placeholder: '3',
      required: false,
      defaultValue: '3',
      check: integerCheck(1, 2048, 'a whole number from 1 to 2048'),
    },
    {
      input: 'hosted-timeout-minutes',
      prompt: 'Minutes before Prime ends the run as TIMEOUT (120-1440)',
      placeholder: '120',
      required: false,
      defaultValue: '120',
      check: integerCheck(120, 1440, 'a whole number from 120 to 1440'),
    },
    {
      input: 'eval-config',
      prompt: 'Further eval_config keys as a JSON object (optional)',
      placeholder: '{"sampling_args": {"temperature": 0}}',
      required: false,
      check: jsonObjectCheck('eval-config', false),
    },
  ],
  buildRequest: (value) => {
    const extra = value('eval-config') === '' ? {} : (JSON.parse(value('eval-config')) as Record<string, unknown>);
    return {
      provider: 'prime',
      name: value('name'),
      isHosted: true,
      environments: [{ id: value('environments') }],
      inferenceModel: value('inference-model'),
      evalConfig: {
        ...extra,
        num_examples: Number(value('num-examples')),
        rollouts_per_example: Number(value('rollouts-per-example')),
        timeout_minutes: Number(value('hosted-timeout-minutes')),
      },
    };
  },
  needsDetails: () => false,
};
