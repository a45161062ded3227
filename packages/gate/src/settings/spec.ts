// What a gate setting is: its name (the Action's input name), description, default, whether it is required or can hold
// a secret, and its parser. The common rows are in common.ts, each provider's in its folder (providers/<name>/);
// table.ts puts them together.
import type * as z from 'zod/mini';

/**
 * A parser over the raw string a host passes ('' when unset, after the default is applied): the gate's are zod/mini
 * (cheaper to build at the Action's start), a test provider's may be classic zod.
 */
export type SettingParser = z.core.$ZodType<unknown, string>;

export interface SettingSpec<P extends SettingParser = SettingParser> {
  description: string;
  /** Applied to an unset value before parsing; the only place a default is written. */
  default?: string;
  /** Must be given (the Action: `required: true`). */
  required: boolean;
  /** May hold a secret: never echoed, never put in the parsed settings, masked by the redactor. */
  secret: boolean;
  parse: P;
  /**
   * Who applies the default: `parser` (settings/parse.ts) or `runner` (an Action expression such as
   * `${{ github.token }}` that only the runner can evaluate; the parser leaves it unset).
   */
  defaultAppliedBy?: 'parser' | 'runner';
}

/** Rows by setting name, in the order hosts list them (action.yml, --help). */
export type SettingsTable = Readonly<Record<string, SettingSpec>>;

/** Keeps each entry's exact type (its parser's output, its default's literal) for the parsed settings' types. */
export function setting<const S extends SettingSpec>(spec: S): S {
  return spec;
}

/** Raw setting strings as a host passes them, by setting name; empty or missing means unset. */
export type RawSettings = Partial<Record<string, string>>;

/** The parsers of a table, as a zod object shape. */
export type ParserShape<T extends SettingsTable> = { [K in keyof T]: T[K]['parse'] };

/** What a table's rows parse to, by name. */
export type SettingValuesOf<T extends SettingsTable> = { [K in keyof T]: z.output<T[K]['parse']> };

export function parserShape<T extends SettingsTable>(table: T): ParserShape<T> {
  return Object.fromEntries(Object.entries(table).map(([name, spec]) => [name, spec.parse])) as ParserShape<T>;
}

/** `raw` with every unset value that has a parser-applied default filled in, and every name present ('' when unset). */
export function withDefaults<T extends SettingsTable>(table: T, raw: Partial<Record<keyof T, string>>): Record<keyof T, string> {
  return Object.fromEntries(
    Object.entries(table).map(([name, spec]) => {
      const given = raw[name as keyof T] ?? '';
      const useDefault = given.trim() === '' && spec.default !== undefined && spec.defaultAppliedBy !== 'runner';
      return [name, useDefault ? spec.default : given];
    }),
  ) as Record<keyof T, string>;
}
