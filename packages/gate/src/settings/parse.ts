// Turns the raw setting strings (Action inputs, CLI flags, environment, config file) into typed GateSettings.
import { isLoopbackHost } from '@evalgate/core';
import { z } from 'zod';
import { jsonObject } from './fields.js';
import { evalConfigProblems, PRIME_HOSTED_INPUTS } from './prime-hosted.js';
import { GATE_SETTINGS, parserShape, withDefaults, type GateSettingName, type RawSettings } from './table.js';
import type { DataSourceInput, GateSettings, ProviderSettings } from './types.js';

export interface InputProblem {
  /** The setting's name (the Action's input name; the CLI shows it as its flag). */
  input: string;
  message: string;
}

/** The settings are wrong; every problem names its setting and what is allowed. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(readonly problems: InputProblem[]) {
    super(problems.map((problem) => `Input "${problem.input}" ${problem.message}`).join('\n'));
  }
}

const fieldSchema = z.object(parserShape(GATE_SETTINGS));

type Fields = z.output<typeof fieldSchema>;
type InputName = GateSettingName;
type Provider = GateSettings['provider'];

/** Which provider each provider-specific setting belongs to, from the table. */
const PROVIDER_OF_INPUT = Object.fromEntries(
  Object.entries(GATE_SETTINGS).flatMap(([name, spec]) => ('provider' in spec ? [[name, spec.provider]] : [])),
) as Partial<Record<InputName, Provider>>;

/** Parses the raw setting strings; throws `InputError` listing every problem. */
export function parseSettings(raw: RawSettings): GateSettings {
  const { settings, problems } = checkSettings(raw);
  if (problems.length > 0 || settings === undefined) throw new InputError(problems);
  return settings;
}

/** Parses the raw setting strings and lists every problem instead of throwing (an adapter adds its own). */
export function checkSettings(raw: RawSettings): { settings?: GateSettings; problems: InputProblem[] } {
  const strings = withDefaults(GATE_SETTINGS, raw);
  const result = fieldSchema.safeParse(strings);
  if (!result.success) {
    return { problems: result.error.issues.map((issue) => ({ input: String(issue.path[0]), message: issue.message })) };
  }
  const fields = result.data;
  const problems: InputProblem[] = [];
  const require = (input: InputName, why: string): void => {
    if (isUnset(fields, raw, input)) problems.push({ input, message: `is required ${why}` });
  };

  const provider = fields.provider;
  require('api-key', `(the ${provider} API key, e.g. \${{ secrets.EVAL_API_KEY }})`);

  for (const [input, owner] of Object.entries(PROVIDER_OF_INPUT) as Array<[InputName, Provider]>) {
    if (owner !== provider && !isUnset(fields, raw, input)) {
      problems.push({ input, message: `only applies to provider ${owner}; remove it or set provider: ${owner}` });
    }
  }

  const settings = providerSettings(fields, provider, problems, require);
  const hosted = settings?.provider === 'prime' && settings.mode === 'hosted';
  // These have defaults (the runner always passes them): only a changed value is out of place.
  for (const input of PRIME_HOSTED_INPUTS) {
    if (!hosted && fields[input] !== Number(GATE_SETTINGS[input].default)) {
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

  if (problems.length > 0 || settings === undefined) return { problems };

  const parsed: GateSettings = {
    provider,
    settings,
    nameTemplate: fields.name,
    thresholds: {},
    baseline: fields.baseline,
    timeoutMinutes: fields['timeout-minutes'] as number,
    pollIntervalSeconds: fields['poll-interval-seconds'] as number,
    failOn: fields['fail-on'],
    checkName: fields['check-name'] as string,
    allowInsecureHttp: fields['allow-insecure-http'] === 'true',
  };
  if (fields['base-url'] !== undefined) parsed.baseUrl = fields['base-url'];
  if (fields['min-avg-score'] !== undefined) parsed.thresholds.minAvgScore = fields['min-avg-score'];
  if (fields['min-min-score'] !== undefined) parsed.thresholds.minMinScore = fields['min-min-score'];
  if (fields['max-regression'] !== undefined) parsed.thresholds.maxRegression = fields['max-regression'];
  return { settings: parsed, problems };
}

function isUnset(fields: Fields, raw: RawSettings, input: InputName): boolean {
  const value: unknown = fields[input];
  if (Array.isArray(value)) return value.length === 0;
  return value === undefined || (raw[input] ?? '').trim() === '';
}

function providerSettings(
  fields: Fields,
  provider: Provider,
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
