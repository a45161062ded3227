// eval_config.custom_secrets holds secrets Prime passes to the environment; a provider error could echo one alone.
import * as z from 'zod/mini';
import { jsonObject } from '../../settings/fields.js';

/** The string values of `custom_secrets` in the raw eval-config input; none when it is not (yet) a JSON object. */
export function customSecretValues(rawEvalConfig: string | undefined): string[] {
  const config = z.safeParse(jsonObject, rawEvalConfig ?? '');
  const secrets = config.success ? config.data?.custom_secrets : undefined;
  if (secrets === null || typeof secrets !== 'object') return [];
  return Object.values(secrets).filter((value): value is string => typeof value === 'string');
}
