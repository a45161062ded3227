import { isLoopbackHost } from '@evalgate/core';
import { z } from 'zod';
import {
  badgePath,
  choice,
  decimal,
  environmentList,
  httpUrl,
  jsonObject,
  nameTemplate,
  optionalText,
  splitList,
} from './fields.js';
import { evalConfigProblems, hostedTimeoutMinutes, numExamples, PRIME_HOSTED_DEFAULTS, rolloutsPerExample, type PrimeHostedInput } from './prime-hosted.js';
import type { ActionInputs, DataSourceInput, InputName, ProviderSettings, RawInputs } from './types.js';
import { INPUT_NAMES } from './types.js';

export interface InputProblem {
  input: InputName;
  message: string;
}

/** The action's inputs are wrong; every problem names its input and what is allowed. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(readonly problems: InputProblem[]) {
    super(problems.map((problem) => `Input "${problem.input}" ${problem.message}`).join('\n'));
  }
}

const fieldSchema = z.object({
  provider: choice(['prime', 'openai', 'nugen']),
  'api-key': optionalText,
  'base-url': httpUrl,
  name: nameTemplate,
  environments: environmentList,
  'inference-model': optionalText,
  'eval-config': jsonObject,
  'num-examples': numExamples,
  'rollouts-per-example': rolloutsPerExample,
  'hosted-timeout-minutes': hostedTimeoutMinutes,
  'samples-file': optionalText,
  'eval-id': optionalText,
  'data-source': optionalText,
  'model-id': optionalText,
  'benchmark-id': optionalText,
  'baseline-model-id': optionalText,
  metric: z.string().transform(splitList),
  'min-avg-score': decimal({ min: -1e9, max: 1e9 }),
  'min-min-score': decimal({ min: -1e9, max: 1e9 }),
  'max-regression': decimal({ min: 0, max: 1e9 }),
  baseline: choice(['none', 'base-branch'], 'none'),
  'timeout-minutes': decimal({ min: 0, max: 4320, minInclusive: false }, 30),
  'poll-interval-seconds': decimal({ min: 0.05, max: 3600 }, 10),
  'fail-on': choice(['failure', 'neutral'], 'failure'),
  'check-name': optionalText,
  comment: choice(['upsert', 'off'], 'upsert'),
  'badge-path': badgePath,
  'github-token': optionalText,
  'allow-insecure-http': choice(['false', 'true'], 'false'),
});

type Fields = z.output<typeof fieldSchema>;

/** Which provider each provider-specific input belongs to. */
const PROVIDER_OF_INPUT: Partial<Record<InputName, ActionInputs['provider']>> = {
  environments: 'prime',
  'inference-model': 'prime',
  'eval-config': 'prime',
  'samples-file': 'prime',
  'eval-id': 'openai',
  'data-source': 'openai',
  'model-id': 'nugen',
  'benchmark-id': 'nugen',
  'baseline-model-id': 'nugen',
  metric: 'nugen',
};

/** Parses the raw input strings; throws `InputError` listing every problem. */
export function parseInputs(raw: RawInputs): ActionInputs {
  const strings = Object.fromEntries(INPUT_NAMES.map((name) => [name, raw[name] ?? '']));
  const result = fieldSchema.safeParse(strings);
  if (!result.success) {
    throw new InputError(
      result.error.issues.map((issue) => ({ input: issue.path[0] as InputName, message: issue.message })),
    );
  }
  const fields = result.data;
  const problems: InputProblem[] = [];
  const require = (input: InputName, why: string): void => {
    if (isUnset(fields, raw, input)) problems.push({ input, message: `is required ${why}` });
  };

  const provider = fields.provider;
  require('api-key', `(the ${provider} API key, e.g. \${{ secrets.EVAL_API_KEY }})`);

  for (const [input, owner] of Object.entries(PROVIDER_OF_INPUT) as Array<[InputName, ActionInputs['provider']]>) {
    if (owner !== provider && !isUnset(fields, raw, input)) {
      problems.push({ input, message: `only applies to provider ${owner}; remove it or set provider: ${owner}` });
    }
  }

  const settings = providerSettings(fields, provider, problems, require);
  const hosted = settings?.provider === 'prime' && settings.mode === 'hosted';
  // action.yml gives these defaults, so the runner always passes them: only a changed value is out of place.
  for (const input of Object.keys(PRIME_HOSTED_DEFAULTS) as PrimeHostedInput[]) {
    if (!hosted && fields[input] !== PRIME_HOSTED_DEFAULTS[input]) {
      problems.push({ input, message: 'only applies to a hosted prime evaluation (provider: prime without samples-file); remove it' });
    }
  }

  if (fields['max-regression'] !== undefined) {
    const comparison = provider === 'nugen' && fields['baseline-model-id'] !== undefined;
    if (fields.baseline !== 'base-branch' && !comparison) {
      problems.push({
        input: 'max-regression',
        message: 'needs a baseline: set baseline: base-branch (or, for nugen, baseline-model-id)',
      });
    }
  }

  const baseUrl = fields['base-url'];
  if (baseUrl !== undefined && fields['allow-insecure-http'] !== 'true') {
    const url = new URL(baseUrl);
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
      problems.push({
        input: 'base-url',
        message: `uses plain http to ${url.hostname}, which would send the API key in clear text; use https://, or set allow-insecure-http: true for a private network you trust`,
      });
    }
  }

  if (problems.length > 0 || settings === undefined) throw new InputError(problems);

  const inputs: ActionInputs = {
    provider,
    settings,
    apiKey: fields['api-key'] as string,
    nameTemplate: fields.name,
    thresholds: {},
    baseline: fields.baseline,
    timeoutMinutes: fields['timeout-minutes'] as number,
    pollIntervalSeconds: fields['poll-interval-seconds'] as number,
    failOn: fields['fail-on'],
    checkName: fields['check-name'] ?? 'evalgate',
    comment: fields.comment,
    allowInsecureHttp: fields['allow-insecure-http'] === 'true',
  };
  if (fields['base-url'] !== undefined) inputs.baseUrl = fields['base-url'];
  if (fields['min-avg-score'] !== undefined) inputs.thresholds.minAvgScore = fields['min-avg-score'];
  if (fields['min-min-score'] !== undefined) inputs.thresholds.minMinScore = fields['min-min-score'];
  if (fields['max-regression'] !== undefined) inputs.thresholds.maxRegression = fields['max-regression'];
  if (fields['badge-path'] !== undefined) inputs.badge = fields['badge-path'];
  if (fields['github-token'] !== undefined) inputs.githubToken = fields['github-token'];
  return inputs;
}

function isUnset(fields: Fields, raw: RawInputs, input: InputName): boolean {
  const value: unknown = fields[input];
  if (Array.isArray(value)) return value.length === 0;
  return value === undefined || (raw[input] ?? '').trim() === '';
}

function providerSettings(
  fields: Fields,
  provider: ActionInputs['provider'],
  problems: InputProblem[],
  require: (input: InputName, why: string) => void,
): ProviderSettings | undefined {
  if (provider === 'prime') {
    const samplesFile = fields['samples-file'];
    if (samplesFile !== undefined) {
      if (fields['eval-config'] !== undefined) {
        problems.push({
          input: 'eval-config',
          message: 'is for a hosted evaluation; with samples-file the evaluation is client-driven, remove one of them',
        });
      }
      const settings: ProviderSettings = { provider, mode: 'samples', samplesFile, environments: fields.environments };
      if (fields['inference-model'] !== undefined) settings.inferenceModel = fields['inference-model'];
      return settings;
    }
    require('environments', 'for a hosted prime evaluation (one environment id), or set samples-file');
    require('inference-model', 'for a hosted prime evaluation (the model to evaluate), or set samples-file');
    const [environment, ...others] = fields.environments;
    if (others.length > 0) {
      problems.push({
        input: 'environments',
        message: 'takes one environment for a hosted prime evaluation (Prime starts one evaluation per environment); use a matrix job per environment',
      });
    }
    if (environment?.versionId !== undefined) {
      problems.push({
        input: 'environments',
        message: `takes an environment id without a version for a hosted prime evaluation (Prime's hosted runs take environment_ids only); use "${environment.id}"`,
      });
    }
    const evalConfig = fields['eval-config'];
    if (evalConfig !== undefined) {
      for (const message of evalConfigProblems(evalConfig)) problems.push({ input: 'eval-config', message });
    }
    if (environment === undefined || fields['inference-model'] === undefined) return undefined;
    const settings: ProviderSettings = {
      provider,
      mode: 'hosted',
      environments: [environment],
      inferenceModel: fields['inference-model'],
      numExamples: fields['num-examples'],
      rolloutsPerExample: fields['rollouts-per-example'],
      timeoutMinutes: fields['hosted-timeout-minutes'],
    };
    if (evalConfig !== undefined) settings.evalConfig = evalConfig;
    return settings;
  }
  if (provider === 'openai') {
    require('eval-id', 'for provider openai (the eval whose run is created, e.g. eval_abc123)');
    require('data-source', 'for provider openai (the run data_source as JSON, or a path to a JSON file)');
    const evalId = fields['eval-id'];
    const rawSource = fields['data-source'];
    if (evalId === undefined || rawSource === undefined) return undefined;
    const dataSource = parseDataSource(rawSource, problems);
    return dataSource && { provider, evalId, dataSource };
  }
  require('model-id', 'for provider nugen (the model to evaluate)');
  require('benchmark-id', 'for provider nugen (the benchmark to run)');
  const modelId = fields['model-id'];
  const benchmarkId = fields['benchmark-id'];
  if (modelId === undefined || benchmarkId === undefined) return undefined;
  const settings: ProviderSettings = { provider, modelId, benchmarkId, metrics: fields.metric };
  if (fields['baseline-model-id'] !== undefined) settings.baselineModelId = fields['baseline-model-id'];
  return settings;
}

/** Inline JSON when it looks like an object, otherwise a path read at run time. */
function parseDataSource(raw: string, problems: InputProblem[]): DataSourceInput | undefined {
  if (!raw.startsWith('{')) return { kind: 'file', path: raw };
  const parsed = jsonObject.safeParse(raw);
  if (!parsed.success || parsed.data === undefined) {
    problems.push({ input: 'data-source', message: parsed.success ? 'is empty' : (parsed.error.issues[0]?.message ?? 'is invalid') });
    return undefined;
  }
  if (typeof parsed.data.type !== 'string') {
    problems.push({ input: 'data-source', message: 'must have a "type", e.g. {"type":"jsonl","source":{...}}' });
    return undefined;
  }
  return { kind: 'inline', value: parsed.data };
}
