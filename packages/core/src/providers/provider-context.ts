import type { ClientLogger } from '../domain/client.js';
import type { HttpClient } from '../http/http-client.js';

/** What every provider client is built from. */
export interface ProviderContext {
  http: HttpClient;
  baseUrl: string;
  timeoutMs: number;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  logger?: ClientLogger;
}
