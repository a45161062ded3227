/** What the server needs from each provider: its path prefix, routes, error shapes and status vocabulary. */
import type { Route } from '../http/router.js';
import type { Reply } from '../http/reply.js';
import type { Phase } from '../lifecycle.js';
import type { SimulatedRecord } from '../store.js';
import type { EmulatorState } from '../state.js';
import type { Provider } from '../types.js';

export interface ProviderErrors {
  unauthorized(): Reply;
  notFound(message: string): Reply;
  methodNotAllowed(): Reply;
  rateLimited(headers: Record<string, string>): Reply;
  serverError(status: number): Reply;
}

export interface ProviderApi {
  provider: Provider;
  /** Path prefix, e.g. `/api/v1`. */
  prefix: string;
  routes: Route[];
  errors: ProviderErrors;
  /** The raw status the provider shows for a phase. */
  rawStatus(phase: Phase): string;
  /** What a raw status (e.g. forced via setStatus) means; null when unknown to this provider. */
  phaseOfRaw(raw: string): Phase | null;
  /** The simulated records, for setStatus and `evaluations(provider)`. */
  records(): readonly SimulatedRecord[];
  find(id: string): SimulatedRecord | undefined;
  /** Bulk-creates `count` evaluations (OpenAI: runs of eval_demo) for list and paging tests. */
  seed(count: number): void;
  /** Puts back the records the provider starts with (after start and reset). */
  initialize(): void;
}

/** One provider the emulator plays: its folder exports one, `registry.ts` lists it. */
export interface EmulatedProvider<Name extends string = string> {
  readonly name: Name;
  /** Appended to the emulator's origin to give what a client takes as its base URL (OpenAI's API root is `/v1`). */
  readonly baseUrlPath: string;
  createApi(state: EmulatorState): ProviderApi;
}

export function pathIs(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}
