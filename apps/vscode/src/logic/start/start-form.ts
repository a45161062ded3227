import type { CreateEvaluationRequest, ProviderName } from '@evalgate/core';
import * as z from 'zod/mini';

/** One question of the guided start, named after the Action input it mirrors (apps/action/action.yml). */
export interface StartField {
  input: string;
  prompt: string;
  placeholder: string;
  required: boolean;
  /** Prefilled value; also used when the answer is left empty. */
  defaultValue?: string;
  /** A problem with the answer (shown under the input box while typing), or undefined when it is acceptable. */
  check(answer: string): string | undefined;
}

const required = (what: string) => (answer: string) => (answer.trim() === '' ? `${what} is required` : undefined);
const optional = () => undefined;

function integerCheck(min: number, max: number, hint: string) {
  return (answer: string): string | undefined => {
    const text = answer.trim();
    if (text === '') return undefined;
    const value = /^[+-]?\d+$/.test(text) ? Number(text) : Number.NaN;
    return Number.isSafeInteger(value) && value >= min && value <= max ? undefined : `must be ${hint}`;
  };
}

function jsonObjectCheck(what: string, isRequired: boolean) {
  return (answer: string): string | undefined => {
    if (answer.trim() === '') return isRequired ? `${what} is required (a JSON object)` : undefined;
    try {
      const value: unknown = JSON.parse(answer);
      return value !== null && typeof value === 'object' && !Array.isArray(value) ? undefined : `${what} must be a JSON object ({…})`;
    } catch (error) {
      return `${what} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
    }
  };
}

/** The questions per provider: the Action's inputs for that provider, in the same order and with its defaults. */
export const START_FIELDS: Record<ProviderName, StartField[]> = {
  prime: [
    { input: 'name', prompt: 'Evaluation name', placeholder: 'e.g. nightly gsm8k', required: true, check: required('name') },
    { input: 'environments', prompt: 'Environment id (one hub environment of a hosted evaluation)', placeholder: 'e.g. gsm8k', required: true, check: (answer) => required('environment id')(answer) ?? (/[,@\s]/.test(answer.trim()) ? 'one environment id, without a version or comma' : undefined) },
    { input: 'inference-model', prompt: 'Model the hosted evaluation runs', placeholder: 'e.g. meta-llama/llama-3.1-8b-instruct', required: true, check: required('inference model') },
    { input: 'num-examples', prompt: 'Examples per environment (-1 for all)', placeholder: '5', required: false, defaultValue: '5', check: (answer) => (answer.trim() === '0' ? 'must be 1 or more, or -1 for all' : integerCheck(-1, Number.MAX_SAFE_INTEGER, 'a whole number, or -1 for all')(answer)) },
    { input: 'rollouts-per-example', prompt: 'Rollouts per example (1-2048)', placeholder: '3', required: false, defaultValue: '3', check: integerCheck(1, 2048, 'a whole number from 1 to 2048') },
    { input: 'hosted-timeout-minutes', prompt: 'Minutes before Prime ends the run as TIMEOUT (120-1440)', placeholder: '120', required: false, defaultValue: '120', check: integerCheck(120, 1440, 'a whole number from 120 to 1440') },
    { input: 'eval-config', prompt: 'Further eval_config keys as a JSON object (optional)', placeholder: '{"sampling_args": {"temperature": 0}}', required: false, check: jsonObjectCheck('eval-config', false) },
  ],
  openai: [
    { input: 'eval-id', prompt: 'Eval to create a run of', placeholder: 'e.g. eval_67abd54d9b0081909a86353f6fb9317a', required: true, check: required('eval id') },
    { input: 'name', prompt: 'Run name (optional)', placeholder: 'e.g. nightly', required: false, check: optional },
    { input: 'data-source', prompt: "The run's data_source as a JSON object", placeholder: '{"type": "jsonl", "source": {"type": "file_id", "id": "file-…"}}', required: true, check: jsonObjectCheck('data-source', true) },
  ],
  nugen: [
    { input: 'model-id', prompt: 'Model to evaluate', placeholder: 'e.g. llama-3-8b', required: true, check: required('model id') },
    { input: 'benchmark-id', prompt: 'Benchmark to run', placeholder: 'e.g. task-abc123', required: true, check: required('benchmark id') },
    { input: 'baseline-model-id', prompt: 'Second model, evaluated side by side (optional)', placeholder: 'leave empty for a single model', required: false, check: optional },
  ],
};

const answersSchema = z.record(z.string(), z.string());

/**
 * The create request for a provider's answers, or every problem found (each naming the input, as the Action does).
 * Prime: a hosted run with the complete eval_config (the dedicated inputs over eval-config's other keys).
 */
export function buildCreateRequest(provider: ProviderName, rawAnswers: unknown): { request: CreateEvaluationRequest } | { problems: string[] } {
  const parsed = answersSchema.safeParse(rawAnswers ?? {});
  if (!parsed.success) return { problems: ['answers must be an object of strings, keyed by input name (e.g. {"model-id": "…"})'] };
  const fields = START_FIELDS[provider];
  const known = new Set(fields.map((field) => field.input));
  const problems = Object.keys(parsed.data)
    .filter((input) => !known.has(input))
    .map((input) => `${input}: not an input of ${provider} (expected ${[...known].join(', ')})`);
  const answers: Record<string, string> = {};
  for (const field of fields) {
    const answer = (parsed.data[field.input] ?? '').trim() || field.defaultValue || '';
    const problem = field.check(answer);
    if (problem) problems.push(`${field.input}: ${problem}`);
    answers[field.input] = answer;
  }
  if (problems.length > 0) return { problems };
  const value = (input: string) => answers[input] ?? '';
  switch (provider) {
    case 'prime': {
      const extra = value('eval-config') === '' ? {} : (JSON.parse(value('eval-config')) as Record<string, unknown>);
      return {
        request: {
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
        },
      };
    }
    case 'openai':
      return {
        request: {
          provider: 'openai',
          evalId: value('eval-id'),
          ...(value('name') !== '' ? { name: value('name') } : {}),
          dataSource: JSON.parse(value('data-source')) as Record<string, unknown>,
        },
      };
    case 'nugen':
      return {
        request: {
          provider: 'nugen',
          modelId: value('model-id'),
          benchmarkId: value('benchmark-id'),
          ...(value('baseline-model-id') !== '' ? { modelId2: value('baseline-model-id') } : {}),
        },
      };
  }
}
