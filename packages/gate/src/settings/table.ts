// The whole settings table: the common rows, with every registered provider's rows between the leading and the
// trailing ones (the order action.yml lists them). Hosts read it when they run, so a provider registered by a test
// is read like a shipped one: the Action's inputs, the CLI's flags, variables and config keys.
import { gateProviders, providersGeneration } from '../providers/registry.js';
import { LEADING_SETTINGS, TRAILING_SETTINGS } from './common.js';
import type { SettingsTable } from './spec.js';

let built: { generation: number; table: SettingsTable } | undefined;

/** Every setting now, in order. The same object until a provider is registered or removed. */
export function gateSettings(): SettingsTable {
  const generation = providersGeneration();
  if (built?.generation !== generation) {
    const providerRows = gateProviders().map((provider) => provider.settings);
    built = { generation, table: Object.assign({}, LEADING_SETTINGS, ...providerRows, TRAILING_SETTINGS) as SettingsTable };
  }
  return built.table;
}

/** Every setting's name, in order. */
export function gateSettingNames(): string[] {
  return Object.keys(gateSettings());
}

/** The CLI's flag for a setting: `--min-avg-score`. */
export function flagName(name: string): string {
  return `--${name}`;
}

/** The environment variable for a setting: `EVALGATE_MIN_AVG_SCORE`. */
export function envName(name: string): string {
  return `EVALGATE_${name.toUpperCase().replace(/-/g, '_')}`;
}
