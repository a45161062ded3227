/**
 * Test-only emulated providers, by name. Empty in every build; a test adds one with `declare module` (see
 * CONTRIBUTING.md, "Adding a provider") and registers its routes with `registerTestProvider` before starting.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging in tests
export interface TestProviders {}
