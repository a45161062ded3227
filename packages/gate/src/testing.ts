// `@evalgate/gate/testing`: the hook tests use to walk a test-only provider through the gate and its hosts (the
// Action, the CLI), and what a provider author needs to write the gate's part. No app imports it.
export { registerTestProvider } from './providers/registry.js';
export type {
  AnyGateProvider,
  CreateTargetBase,
  GateProvider,
  ListScope,
  LostCreateIdentity,
  OwnBaseline,
  ProviderSettingsBase,
  RequestFor,
  ResolvedFiles,
  ResolvedSettings,
  SettingsCheck,
} from './providers/gate-provider.js';
export { setting, type SettingParser, type SettingSpec, type SettingsTable, type SettingValuesOf } from './settings/spec.js';
export { choice, decimal, jsonObject, optionalText, splitList } from './settings/fields.js';
export { InputError, type InputProblem } from './settings/input-error.js';
export { createTagsSchema, createTagsOf } from './evaluation/create-tags.js';

/**
 * Test-only providers' gate settings, by provider name. Empty in every build; a test adds its provider's settings
 * type with `declare module '@evalgate/gate/testing'` (see CONTRIBUTING.md, "Adding a provider") so the parsed
 * settings' union has it, and registers its `GateProvider` at run time with `registerTestProvider`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging in tests
export interface TestProviders {}
