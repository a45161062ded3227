import type { ProviderName } from '@evalgate/core';

/** A configured provider endpoint, as parsed from `evalgate.connections`. */
export interface Connection {
  id: string;
  label?: string;
  provider: ProviderName;
  /** Normalized: no trailing slash. */
  baseUrl: string;
}

export function defaultConnectionId(provider: ProviderName, baseUrl: string): string {
  return `${provider}@${trimTrailingSlash(baseUrl)}`;
}

export function trimTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** The tree row label: `<provider> · <host[:port]>` (URL.host omits the scheme's default port). */
export function connectionTitle(connection: Pick<Connection, 'provider' | 'baseUrl'>): string {
  let host: string;
  try {
    host = new URL(connection.baseUrl).host;
  } catch {
    host = connection.baseUrl;
  }
  return `${connection.provider} · ${host}`;
}
