// The provider client from the resolved settings; a missing provider or key gets an error saying every way to set it.
import { ConfigurationError, createClient, type EvalClient, type ProviderName } from '@evalgate/core';
import type { ResolvedSettings } from './settings/resolve.js';
import { envOf, flagOf } from './settings/table.js';

export const USER_AGENT = 'evalgate-cli/0.1.0';

function missing(name: string, example: string): ConfigurationError {
  return new ConfigurationError(`No ${name} given. Fix: pass ${flagOf(name)} ${example}, set ${envOf(name)}${name === 'api-key' ? '' : `, or add "${name}" to evalgate.config.yaml`}.`);
}

export function clientFromSettings(settings: ResolvedSettings, registerSecret: (secret: string) => void): EvalClient {
  const { values } = settings;
  const provider = values.provider as ProviderName | undefined;
  if (provider === undefined) throw missing('provider', 'prime|openai|nugen');
  const apiKey = values['api-key'] as string | undefined;
  if (apiKey === undefined) throw missing('api-key', '<key>');
  registerSecret(apiKey);
  return createClient({
    provider,
    apiKey,
    ...(values['base-url'] !== undefined ? { baseUrl: values['base-url'] as string } : {}),
    allowInsecureHttp: values['allow-insecure-http'] === true,
    userAgent: USER_AGENT,
  });
}
