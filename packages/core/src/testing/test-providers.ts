/**
 * Test-only providers, by name, with the create request each takes. Empty in every build; a test adds one with
 * `declare module` (see CONTRIBUTING.md, "Adding a provider") so the compiler walks it through every typed table,
 * and registers its definition at run time with `registerTestProvider`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging in tests
export interface TestProviders {}
