// The config file's shape, built from the settings table so the file, the flags and the variables never drift.
// The committed evalgate.schema.json is generated from it (scripts/write-schema.mjs) for editors.
import { z } from 'zod';
import { SETTINGS, type SettingSpec } from '../settings/table.js';

const shape: Record<string, z.ZodType> = {
  $schema: z.string().optional().describe('Path or URL of evalgate.schema.json, for editor completion.'),
};
for (const spec of SETTINGS as readonly SettingSpec[]) {
  if (spec.secret) continue;
  shape[spec.name] = spec.schema.optional().describe(spec.description);
}

export const configSchema = z.strictObject(shape).describe('evalgate CLI configuration (evalgate.config.json or evalgate.config.yaml).');

/** The JSON Schema editors use to complete and check a config file. */
export function configJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(configSchema, { io: 'input' }), title: 'evalgate configuration' };
}
