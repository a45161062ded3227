import type { ClientOptions, EvalClient } from './domain/client.js';
import { resolveClientOptions } from './client-options.js';
import { HttpClient } from './http/http-client.js';
import { defaultSleep } from './http/sleep.js';
import type { ProviderContext } from './providers/provider-context.js';
import { providerDefinition } from './providers/registry.js';
import { CORE_VERSION } from './version.js';

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_RETRIES = 4;
const DEFAULT_USER_AGENT = `evalgate-core/${CORE_VERSION}`;

/** Builds the client for one provider after validating the options. */
export function createClient(options: ClientOptions): EvalClient {
  const resolved = resolveClientOptions(options);
  const timeoutMs = resolved.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = resolved.now ?? Date.now;
  const sleep = resolved.sleep ?? defaultSleep;
  const http = new HttpClient({
    provider: resolved.provider,
    baseUrl: resolved.baseUrl,
    apiKey: resolved.apiKey,
    timeoutMs,
    maxRetries: resolved.maxRetries ?? DEFAULT_MAX_RETRIES,
    userAgent: resolved.userAgent ?? DEFAULT_USER_AGENT,
    fetch: resolved.fetch ?? globalThis.fetch,
    now,
    sleep,
    random: resolved.random ?? Math.random,
    ...(resolved.maxResponseBytes !== undefined ? { maxResponseBytes: resolved.maxResponseBytes } : {}),
    ...(resolved.logger ? { logger: resolved.logger } : {}),
  });
  const context: ProviderContext = { http, baseUrl: resolved.baseUrl, timeoutMs, now, sleep, ...(resolved.logger ? { logger: resolved.logger } : {}) };
  return providerDefinition(resolved.provider).createClient(context);
}
