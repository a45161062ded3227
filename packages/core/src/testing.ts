// `@evalgate/core/testing`: the provider-author kit. What a provider's folder needs from core (the client base class,
// the encoded path template, the wire helpers, the status table) and the hook tests use to walk a test-only provider
// through core and the apps. No app imports it.
export { registerTestProvider } from './providers/registry.js';
export type { ProviderDefinition, RequestOf } from './providers/definition.js';
export type { ProviderContext } from './providers/provider-context.js';
export { lookupStatus, type StatusTable } from './providers/status-table.js';
export { BaseEvalClient } from './providers/base-client.js';
export { path } from './http/path.js';
export { pageSize, requireId, stringRecord, toDate } from './providers/wire-helpers.js';

/**
 * Test-only providers, by name, with the create request each takes. Empty in every build; a test adds one with
 * `declare module` (see CONTRIBUTING.md, "Adding a provider") so the compiler walks it through every typed table,
 * and registers its definition at run time with `registerTestProvider`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging in tests
export interface TestProviders {}
