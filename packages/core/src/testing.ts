// `@evalgate/core/testing`: the hook tests use to walk a test-only provider through core and the apps. No app imports it.
export type { TestProviders } from './testing/test-providers.js';
export { registerTestProvider } from './providers/registry.js';
export type { ProviderDefinition, RequestOf } from './providers/definition.js';
export type { ProviderContext } from './providers/provider-context.js';
export type { StatusTable } from './providers/status-table.js';
