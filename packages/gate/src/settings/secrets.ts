// What a host masks before anything is logged: the raw value of every setting marked secret, and the secrets a
// provider nests inside one (Prime's eval_config.custom_secrets), which a provider's error message could echo alone.
import { gateProviders } from '../providers/registry.js';
import type { SettingsTable } from './spec.js';

/** The secret values among `raw`, read against `table` (a host passes its own table when it has rows of its own). */
export function secretValuesOf(raw: Partial<Record<string, string>>, table: SettingsTable): string[] {
  const values: string[] = [];
  for (const [name, spec] of Object.entries(table)) {
    const value = raw[name]?.trim();
    if (spec.secret && value) values.push(value);
  }
  for (const provider of gateProviders()) values.push(...(provider.nestedSecrets?.(raw) ?? []));
  return values.filter((value) => value !== '');
}
