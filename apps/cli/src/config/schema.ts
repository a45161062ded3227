// The config file's shape, built from the gate's settings table so the file, the flags and the variables never drift.
// The committed evalgate.schema.json is generated from it (scripts/write-schema.mjs) for editors.
import { gateSettings, type SettingParser } from '@evalgate/gate';
import { z } from 'zod';

/** Never read from a config file: it gets committed. */
export const NOT_IN_CONFIG: readonly string[] = ['api-key'];

/** What a key may hold: the gate's parsers read text, so numbers and booleans are taken as written, lists joined. */
const settingValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()])), z.record(z.string(), z.unknown())]);

const schemaKey = z.string().optional().describe('Path or URL of evalgate.schema.json, for editor completion.');

/**
 * The values a choice setting allows, for editor completion: a choice parser refuses an empty value with "is required:
 * one of a | b" (other parsers take it as unset). test/config.test.ts pins the result for provider and fail-on.
 */
function choicesOf(parse: SettingParser): [string, ...string[]] | undefined {
  const result = z.safeParse(parse, '');
  const match = result.success ? null : /one of (.+)$/.exec(result.error.issues[0]?.message ?? '');
  const values = match?.[1]?.split(' | ');
  return values && values.length > 0 ? (values as [string, ...string[]]) : undefined;
}

function valueSchema(parse: SettingParser): z.ZodType {
  const choices = choicesOf(parse);
  if (choices === undefined) return settingValue;
  // YAML reads true/false as booleans.
  return choices.length === 2 && choices.includes('true') && choices.includes('false') ? z.union([z.boolean(), z.enum(choices)]) : z.enum(choices);
}

/** The config file's keys: every setting now (a provider registered by a test has its rows), except the secrets. */
export function configSchema() {
  const shape: Record<string, z.ZodType> = { $schema: schemaKey };
  for (const [name, spec] of Object.entries(gateSettings())) {
    if (NOT_IN_CONFIG.includes(name)) continue;
    const meta: { description: string; default?: string } = { description: spec.description };
    if (spec.default !== undefined) meta.default = spec.default;
    shape[name] = valueSchema(spec.parse).optional().meta(meta);
  }
  return z.strictObject(shape).describe('evalgate CLI configuration (evalgate.config.json or evalgate.config.yaml).');
}

/** The JSON Schema editors use to complete and check a config file. */
export function configJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(configSchema(), { io: 'input' }), title: 'evalgate configuration' };
}
