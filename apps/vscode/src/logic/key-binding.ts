import * as z from 'zod/mini';
import type { ProviderName } from '@evalgate/core';
import { providerIds } from './providers/registry.js';
import type { Connection } from './connection.js';
import { sameEndpoint } from './endpoint.js';

/**
 * An API key as kept in secret storage: with the provider and base URL it was entered for. A key is sent only to
 * that endpoint, so a workspace that reuses the connection id with its own baseUrl never receives it silently.
 */
export interface StoredKey {
  key: string;
  provider: ProviderName;
  baseUrl: string;
}

const storedKeySchema = z.object({
  key: z.string().check(z.minLength(1)),
  provider: z.custom<ProviderName>((value) => typeof value === 'string' && (providerIds() as readonly string[]).includes(value)),
  baseUrl: z.string().check(z.minLength(1)),
});

export function serializeStoredKey(stored: StoredKey): string {
  return JSON.stringify({ key: stored.key, provider: stored.provider, baseUrl: stored.baseUrl });
}

/** What secret storage holds for a connection id, read back; `unbound` is a bare key saved before keys were bound. */
export type StoredKeyReading = { kind: 'none' } | { kind: 'bound'; stored: StoredKey } | { kind: 'unbound'; key: string };

export function parseStoredKey(raw: string | undefined): StoredKeyReading {
  if (raw === undefined || raw.trim() === '') return { kind: 'none' };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { kind: 'unbound', key: raw.trim() };
  }
  const parsed = storedKeySchema.safeParse(json);
  // A JSON string that is not our record is still a key someone typed: bound to nothing.
  return parsed.success ? { kind: 'bound', stored: parsed.data } : { kind: 'unbound', key: raw.trim() };
}

/**
 * Whether a connection may use the stored key:
 * - `use`: it was entered for this provider and base URL;
 * - `withhold`: it exists but was entered elsewhere (or before keys were bound) — never sent, the user is asked;
 * - `none`: no key.
 */
export type KeyDecision = { kind: 'use'; key: string } | { kind: 'withhold'; storedFor?: { provider: ProviderName; baseUrl: string } } | { kind: 'none' };

export function decideKey(reading: StoredKeyReading, connection: Pick<Connection, 'provider' | 'baseUrl'>): KeyDecision {
  if (reading.kind === 'none') return { kind: 'none' };
  if (reading.kind === 'unbound') return { kind: 'withhold' };
  const { stored } = reading;
  if (stored.provider === connection.provider && sameEndpoint(stored.baseUrl, connection.baseUrl)) {
    return { kind: 'use', key: stored.key };
  }
  return { kind: 'withhold', storedFor: { provider: stored.provider, baseUrl: stored.baseUrl } };
}

/** The question the user is asked about a withheld key: names both endpoints, never the key. */
export function withheldKeyQuestion(connection: Pick<Connection, 'id' | 'provider' | 'baseUrl'>, decision: KeyDecision): string {
  const where = `the connection "${connection.id}" (${connection.provider} at ${connection.baseUrl})`;
  if (decision.kind !== 'withhold') return '';
  if (!decision.storedFor) {
    return `The API key stored for ${where} was saved before evalgate bound keys to an address, so it was not sent. Send it to ${connection.baseUrl}?`;
  }
  return (
    `The API key stored for ${where} was entered for ${decision.storedFor.provider} at ${decision.storedFor.baseUrl}, ` +
    `so it was not sent. A workspace's settings may have changed this connection. Send the key to ${connection.baseUrl}?`
  );
}
