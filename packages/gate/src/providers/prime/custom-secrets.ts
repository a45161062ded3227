// eval_config.custom_secrets holds secrets Prime passes to the environment; a provider error could echo one alone.
/** The string values of `custom_secrets` in the raw eval-config input; none when it is not (yet) valid JSON. */
export function customSecretValues(rawEvalConfig: string | undefined): string[] {
  if (!rawEvalConfig?.trim()) return [];
  let config: unknown;
  try {
    config = JSON.parse(rawEvalConfig);
  } catch {
    return [];
  }
  if (config === null || typeof config !== 'object') return [];
  const secrets = (config as { custom_secrets?: unknown }).custom_secrets;
  if (secrets === null || typeof secrets !== 'object') return [];
  return Object.values(secrets).filter((value): value is string => typeof value === 'string');
}
