// Turns the raw setting strings (Action inputs, CLI flags, environment, config file) into typed GateSettings: the
// common rows here, the chosen provider's rows by its folder (providers/<name>/).
import { isLoopbackHost } from '@evalgate/core';
import * as z from 'zod/mini';
import type { SettingsCheck } from '../providers/gate-provider.js';
import { gateProvider, gateProviders } from '../providers/registry.js';
import { COMMON_SETTINGS } from './common.js';
import { InputError, type InputProblem } from './input-error.js';
import { parserShape, withDefaults, type RawSettings, type SettingsTable, type SettingValuesOf } from './spec.js';
import { gateSettings } from './table.js';
import type { GateSettings } from './types.js';

export { InputError, type InputProblem } from './input-error.js';

type Values = SettingValuesOf<typeof COMMON_SETTINGS> & Record<string, unknown>;

const schemas = new WeakMap<SettingsTable, z.ZodMiniType<Record<string, unknown>>>();

/** One zod object over the whole table, built once per table (a registered provider makes a new table). */
function schemaOf(table: SettingsTable): z.ZodMiniType<Record<string, unknown>> {
  let schema = schemas.get(table);
  if (!schema) {
    schema = z.object(parserShape(table));
    schemas.set(table, schema);
  }
  return schema;
}

/** Parses the raw setting strings; throws `InputError` listing every problem. */
export function parseSettings(raw: RawSettings): GateSettings {
  const { settings, problems } = checkSettings(raw);
  if (problems.length > 0 || settings === undefined) throw new InputError(problems);
  return settings;
}

/** Parses the raw setting strings and lists every problem instead of throwing (an adapter adds its own). */
export function checkSettings(raw: RawSettings): { settings?: GateSettings; problems: InputProblem[] } {
  const table = gateSettings();
  const result = schemaOf(table).safeParse(withDefaults(table, raw));
  if (!result.success) {
    return { problems: result.error.issues.map((issue) => ({ input: String(issue.path[0]), message: issue.message })) };
  }
  const values = result.data as Values;
  const problems: InputProblem[] = [];
  const isSet = (input: string): boolean => {
    const value = values[input];
    if (Array.isArray(value)) return value.length > 0;
    return value !== undefined && (raw[input] ?? '').trim() !== '';
  };
  const require = (input: string, why: string): void => {
    if (!isSet(input)) problems.push({ input, message: `is required ${why}` });
  };

  const provider = values.provider;
  require('api-key', `(the ${provider} API key, e.g. \${{ secrets.EVAL_API_KEY }})`);

  // Another provider's rows are out of place; rows with a default (a host always passes them) are their provider's
  // to check (`defaultedRowProblems`).
  for (const other of gateProviders()) {
    if (other.name === provider) continue;
    for (const [input, spec] of Object.entries(other.settings)) {
      if (spec.default === undefined && isSet(input)) {
        problems.push({ input, message: `only applies to provider ${other.name}; remove it or set provider: ${other.name}` });
      }
    }
  }

  const chosen = gateProvider(provider);
  const check: SettingsCheck<SettingsTable> = { values, isSet, require, report: (problem) => problems.push(problem) };
  const settings = chosen.parseSettings(check);
  for (const each of gateProviders()) {
    problems.push(...(each.defaultedRowProblems?.(values, each === chosen ? settings : undefined) ?? []));
  }

  if (values['max-regression'] !== undefined) {
    const ownBaseline = chosen.ownBaseline !== undefined && values[chosen.ownBaseline.setting] !== undefined;
    if (values.baseline !== 'base-branch' && !ownBaseline) {
      const alternatives = gateProviders().flatMap((each) => (each.ownBaseline ? [`for ${each.name}, ${each.ownBaseline.setting}`] : []));
      problems.push({
        input: 'max-regression',
        message: `needs a baseline: set baseline: base-branch${alternatives.length > 0 ? ` (or, ${alternatives.join('; ')})` : ''}`,
      });
    }
  }

  const baseUrl = values['base-url'];
  if (baseUrl !== undefined && values['allow-insecure-http'] !== 'true') {
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
    settings: settings as GateSettings['settings'],
    nameTemplate: values.name,
    thresholds: {},
    baseline: values.baseline,
    timeoutMinutes: values['timeout-minutes'] as number,
    pollIntervalSeconds: values['poll-interval-seconds'] as number,
    failOn: values['fail-on'],
    checkName: values['check-name'] as string,
    allowInsecureHttp: values['allow-insecure-http'] === 'true',
  };
  if (values['base-url'] !== undefined) parsed.baseUrl = values['base-url'];
  if (values['min-avg-score'] !== undefined) parsed.thresholds.minAvgScore = values['min-avg-score'];
  if (values['min-min-score'] !== undefined) parsed.thresholds.minMinScore = values['min-min-score'];
  if (values['max-regression'] !== undefined) parsed.thresholds.maxRegression = values['max-regression'];
  return { settings: parsed, problems };
}
