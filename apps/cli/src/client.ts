// The provider client for the commands that do not run the gate (list, show, cancel, wait).
import { ConfigurationError, createClient, type EvalClient, type ProviderName } from '@evalgate/core';
import { envName, flagName } from '@evalgate/gate';
import { CLI_VERSION } from './version.js';

export const USER_AGENT = `evalgate-cli/${CLI_VERSION}`;

export interface Connection {
  provider: ProviderName;
  apiKey: string | undefined;
  baseUrl: string | undefined;
  allowInsecureHttp: boolean;
}

export function clientFor(connection: Connection): EvalClient {
  if (connection.apiKey === undefined) {
    throw new ConfigurationError(`No API key given. Fix: set ${envName('api-key')} (e.g. from a CI secret), or pass ${flagName('api-key')}.`);
  }
  return createClient({
    provider: connection.provider,
    apiKey: connection.apiKey,
    ...(connection.baseUrl !== undefined ? { baseUrl: connection.baseUrl } : {}),
    allowInsecureHttp: connection.allowInsecureHttp,
    userAgent: USER_AGENT,
  });
}
