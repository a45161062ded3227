// The gate's settings as raw strings, each from the first source that has it: flag > EVALGATE_* variable > config
// file (the gate's parser then applies the defaults). Problems are reported with the source the value came from.
import { ConfigurationError } from '@evalgate/core';
import { envName, flagName, gateSettingNames, gateSettings, withDefaults, type InputProblem, type RawSettings } from '@evalgate/gate';
import * as z from 'zod/mini';

export type SettingSource = 'flag' | 'env' | 'config';

export interface SettingInputs {
  /** Flag values by setting name, as the parser gave them. */
  flags: Partial<Record<string, string | boolean>>;
  env: Readonly<Record<string, string | undefined>>;
  /** The config file's values by key (already shape-checked) and the file's name for messages. */
  config?: { file: string; values: Record<string, unknown> };
}

export interface RawResolution {
  raw: RawSettings;
  sources: Partial<Record<string, SettingSource>>;
  configFile?: string;
}

/** A config value as the string the gate's parsers read: lists joined with commas, objects as JSON. */
function configText(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(',');
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function resolveRaw(inputs: SettingInputs, names: readonly string[] = gateSettingNames()): RawResolution {
  const resolution: RawResolution = { raw: {}, sources: {}, ...(inputs.config ? { configFile: inputs.config.file } : {}) };
  for (const name of names) {
    const flag = inputs.flags[name];
    const env = inputs.env[envName(name)];
    const config = inputs.config?.values[name];
    if (flag !== undefined) {
      resolution.raw[name] = typeof flag === 'boolean' ? String(flag) : flag;
      resolution.sources[name] = 'flag';
    } else if (env !== undefined && env.trim() !== '') {
      resolution.raw[name] = env;
      resolution.sources[name] = 'env';
    } else if (config !== undefined && config !== null) {
      resolution.raw[name] = configText(config);
      resolution.sources[name] = 'config';
    }
  }
  return resolution;
}

/** Where a setting was (or can be) given, for a message: `--min-avg-score`, `EVALGATE_MIN_AVG_SCORE`, a config key. */
function settingWhere(name: string, resolution: RawResolution): string {
  switch (resolution.sources[name]) {
    case 'flag':
      return flagName(name);
    case 'env':
      return envName(name);
    case 'config':
      return `key "${name}" in ${resolution.configFile ?? 'the config file'}`;
    default:
      return `${flagName(name)} (or ${envName(name)}, or "${name}" in evalgate.config.yaml)`;
  }
}

/** One line per problem, each naming where to fix it. The API key gets its own wording: never the config file. */
export function describeProblems(problems: readonly InputProblem[], resolution: RawResolution): string {
  return problems
    .map((problem) => {
      if (problem.input === 'api-key' && problem.message.startsWith('is required')) {
        return `No API key given. Fix: set ${envName('api-key')} (e.g. from a CI secret), or pass ${flagName('api-key')}.`;
      }
      return `${settingWhere(problem.input, resolution)} ${problem.message}.`;
    })
    .join('\n');
}

/** The typed values of `names` through the gate's own parsers (for the commands that do not run the gate). */
export function parseSome<const N extends string>(resolution: RawResolution, names: readonly N[]): Partial<Record<N, unknown>> {
  const table = gateSettings();
  const strings = withDefaults(table, resolution.raw);
  const values: Partial<Record<N, unknown>> = {};
  const problems: InputProblem[] = [];
  for (const name of names) {
    const spec = table[name];
    if (spec === undefined) throw new Error(`evalgate has no setting named '${name}'`);
    const parsed = z.safeParse(spec.parse, strings[name]);
    if (parsed.success) values[name] = parsed.data;
    else problems.push({ input: name, message: parsed.error.issues[0]?.message ?? 'is invalid' });
  }
  if (problems.length > 0) throw new ConfigurationError(describeProblems(problems, resolution));
  return values;
}
