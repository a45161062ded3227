// Precedence: flag > environment variable > config file > default. Every value is validated by its row's schema and
// an error names where the value came from and the fix.
import { ConfigurationError } from '@evalgate/core';
import { envOf, flagOf, SETTINGS, type SettingName, type SettingSpec } from './table.js';

export type SettingSource = 'flag' | 'env' | 'config' | 'default';

export interface SettingInputs {
  /** Flag values by setting name, as the parser gave them (strings). */
  flags: Partial<Record<string, string | boolean>>;
  env: Readonly<Record<string, string | undefined>>;
  /** The config file's values by key, already shape-checked, and the file's name for messages. */
  config?: { file: string; values: Record<string, unknown> };
}

export interface ResolvedSettings {
  values: Partial<Record<SettingName, unknown>>;
  sources: Partial<Record<SettingName, SettingSource>>;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function fromText(spec: SettingSpec, text: string): unknown {
  const trimmed = text.trim();
  if (spec.kind === 'number') return NUMBER.test(trimmed) ? Number(trimmed) : trimmed;
  if (spec.kind === 'boolean') return trimmed === 'true' ? true : trimmed === 'false' ? false : trimmed;
  return trimmed;
}

function where(spec: SettingSpec, source: SettingSource, configFile?: string): string {
  switch (source) {
    case 'flag':
      return flagOf(spec.name);
    case 'env':
      return envOf(spec.name);
    case 'config':
      return `key "${spec.name}" in ${configFile ?? 'the config file'}`;
    case 'default':
      return `the default of ${spec.name}`;
  }
}

/** The value of every setting in `names`, each from the first source that has it. */
export function resolveSettings(inputs: SettingInputs, names: readonly SettingName[] = SETTINGS.map((spec) => spec.name)): ResolvedSettings {
  const resolved: ResolvedSettings = { values: {}, sources: {} };
  for (const spec of SETTINGS as readonly SettingSpec[]) {
    if (!names.includes(spec.name as SettingName)) continue;
    const flag = inputs.flags[spec.name];
    const env = inputs.env[envOf(spec.name)];
    const configValue = inputs.config?.values[spec.name];
    let raw: unknown;
    let source: SettingSource;
    if (flag !== undefined) [raw, source] = [typeof flag === 'string' ? fromText(spec, flag) : flag, 'flag'];
    else if (env !== undefined && env.trim() !== '') [raw, source] = [fromText(spec, env), 'env'];
    else if (configValue !== undefined) [raw, source] = [configValue, 'config'];
    else if (spec.default !== undefined) [raw, source] = [spec.default, 'default'];
    else continue;
    const parsed = spec.schema.safeParse(raw);
    if (!parsed.success) {
      throw new ConfigurationError(`Invalid value for ${where(spec, source, inputs.config?.file)} (${spec.name}: ${spec.description}) Fix: ${spec.fix}.`);
    }
    resolved.values[spec.name as SettingName] = parsed.data;
    resolved.sources[spec.name as SettingName] = source;
  }
  return resolved;
}
