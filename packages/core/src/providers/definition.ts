import type { EvalClient, ProviderCapabilities } from '../domain/client.js';
import type { ProviderContext } from './provider-context.js';
import type { StatusTable } from './status-table.js';

/**
 * Everything core knows about one provider. Each provider folder exports one and `registry.ts` lists it; the rest of
 * core reaches a provider only through this, so adding one is a folder and a registry line.
 */
export interface ProviderDefinition<Name extends string = string, Request extends { provider: Name } = { provider: Name }> {
  readonly name: Name;
  /** What people read, e.g. "Prime Intellect Evaluations". */
  readonly label: string;
  /** Origin (or API root) used when the caller passes no `baseUrl`. */
  readonly defaultBaseUrl: string;
  readonly capabilities: ProviderCapabilities;
  readonly statusTable: StatusTable;
  createClient(context: ProviderContext): EvalClient;
  /** Type-level only (never set): the create request this provider takes, so the request union derives from the registry. */
  readonly requestType?: Request;
}

/** The create request a definition takes. */
export type RequestOf<D> = D extends ProviderDefinition<string, infer Request> ? Request : never;
