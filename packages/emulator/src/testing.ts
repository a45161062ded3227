// `@evalgate/emulator/testing`: the provider-author kit. What a provider's folder needs to be played by the emulator
// (routes, replies, error shapes, records on the emulator clock, the lifecycle) and the hook tests use to serve a
// test-only provider. No app imports it.
export { registerTestProvider } from './providers/registry.js';
export type { EmulatedProvider, ProviderApi, ProviderErrors } from './providers/provider.js';
export type { Route, RouteContext } from './http/router.js';
export { json, type Reply } from './http/reply.js';
export type { EmulatorState } from './state.js';
export { collectionKey, type CollectionKey, type SimulatedRecord } from './store.js';
export { effectiveState, isTerminal, type LifecycleState, type Phase } from './lifecycle.js';
export { average } from './stats.js';

/**
 * Test-only emulated providers, by name. Empty in every build; a test adds one with `declare module` (see
 * CONTRIBUTING.md, "Adding a provider") and registers its routes with `registerTestProvider` before starting.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging in tests
export interface TestProviders {}
