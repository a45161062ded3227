// The gate's part of one provider. Each folder here exports one `GateProvider` (in its provider.ts) and registry.ts
// lists it; a test-only provider registers one through `@evalgate/gate/testing`. Everything the gate knows about a
// provider is reached through this interface, so the shared code (settings, flow, lost create, baseline) never
// names a provider.
import type { CreateEvaluationRequest, Evaluation, PrimeSample, ProviderName } from '@evalgate/core';
import type * as z from 'zod/mini';
import type { Files } from '../ports.js';
import type { InputProblem } from '../settings/input-error.js';
import type { SettingsTable, SettingValuesOf } from '../settings/spec.js';
import type { EvaluationTags } from '../tags.js';
import type { BaselineLookup } from '../verdict/types.js';

/** What every provider's parsed settings have: the provider they are for. */
export interface ProviderSettingsBase {
  provider: ProviderName;
}

/** The create request of the provider whose settings are `S` (core's request union, narrowed by name). */
export type RequestFor<S extends ProviderSettingsBase> = Extract<CreateEvaluationRequest, { provider: S['provider'] }>;

/** What the run read before creating: from a file or inline, as sent (OpenAI's data source), or samples to push. */
export interface ResolvedFiles {
  /** Part of the create request and of the experiment's fingerprint. */
  dataSource?: Record<string, unknown>;
  /** Pushed after the create, then the evaluation is finalized (needs the `pushSamples` capability). */
  samples?: PrimeSample[];
  /** Where the samples came from, for the log. */
  samplesFrom?: string;
}

/** The provider's settings with everything its files gave. */
export interface ResolvedSettings<S extends ProviderSettingsBase = ProviderSettingsBase> extends ResolvedFiles {
  settings: S;
}

/** What narrows a list to where this gate's evaluations are (OpenAI: the runs of the configured eval). */
export interface ListScope {
  evalId?: string;
}

/** The provider's rows as parsed, with the helpers its checks report through (free functions: destructure them). */
export interface SettingsCheck<T extends SettingsTable> {
  readonly values: SettingValuesOf<T>;
  /** Whether a row was given (a list: with at least one item). */
  isSet(this: void, input: keyof T & string): boolean;
  /** Reports `input` as required `why` unless it is set. */
  require(this: void, input: keyof T & string, why: string): void;
  report(this: void, problem: InputProblem): void;
}

/** What every saved create target has: the provider, and our tags where the provider keeps metadata. */
export interface CreateTargetBase {
  provider: ProviderName;
  /** Our metadata tags; they identify the evaluation when the provider stored them. */
  tags?: { evalgate_sha: string; evalgate_config: string; evalgate_repo: string };
}

/**
 * How a create that got no clear answer (5xx, dropped connection, a cancel while it was in flight) is found again: a
 * small identity saved in the post step's state, read back with `schema`.
 */
export interface LostCreateIdentity<R, Target extends CreateTargetBase> {
  /** The saved target, read back in the post step; `provider` is the discriminator. */
  readonly schema: z.core.$ZodType<Target>;
  /** The identity of the evaluation `request` creates. */
  targetOf(request: R): Target;
  /** Whether a listed evaluation, created since the create began, is the one (after our tags did not say so). */
  matches(evaluation: Evaluation, target: Target): boolean;
  /** Where to list (OpenAI: the runs of the target's eval). */
  listScope?(target: Target): ListScope;
}

/** A baseline the provider brings itself (Nugen's comparison mode: a second model evaluated side by side). */
export interface OwnBaseline<S extends ProviderSettingsBase, T extends SettingsTable> {
  /** The row that asks for it; with it set, max-regression needs no `baseline: base-branch`. */
  readonly setting: keyof T & string;
  /** The baseline for the finished evaluation; `undefined` when the settings do not ask for it. */
  lookup(settings: S, evaluation: Evaluation): BaselineLookup | undefined;
}

/**
 * The gate's part of one provider: its settings rows, their parsing into its settings `S`, the files it reads, its
 * create request and list scope, how a lost create is found again, and any baseline it brings.
 */
export interface GateProvider<S extends ProviderSettingsBase, T extends SettingsTable = SettingsTable, Target extends CreateTargetBase = CreateTargetBase> {
  readonly name: S['provider'];
  /**
   * Its rows, in the order hosts list them; names must not clash with another provider's. action.yml must declare
   * them (apps/action/test/unit/manifest.test.ts). A row without a default is refused, naming this provider, when
   * another provider is chosen; a row with a default (which a host always passes) is this provider's to check in
   * `defaultedRowProblems`.
   */
  readonly settings: T;
  /** Its settings from its rows when it is the chosen provider; `undefined` after reporting what is missing or wrong. */
  parseSettings(check: SettingsCheck<T>): S | undefined;
  /**
   * Problems with its rows that have a default, whichever provider is chosen (`own`: its parsed settings when it is
   * the chosen one). Prime: the hosted-run numbers, changed for anything but a hosted Prime run.
   */
  defaultedRowProblems?(values: SettingValuesOf<T>, own: S | undefined): InputProblem[];
  /** Reads the files its settings name (errors: `InputError` naming the setting). Without it nothing is read. */
  readFiles?(settings: S, files: Files): Promise<ResolvedFiles>;
  /** Its settings as they count for "the same experiment" (Prime: without the samples file's path, its content counts). */
  fingerprintSettings?(settings: S): unknown;
  /** The create request from its settings, the files they name (resolved) and the run's name and tags. */
  createRequest(settings: S, resolved: ResolvedSettings<S>, name: string, tags: EvaluationTags): RequestFor<S>;
  /** What narrows a list to where this gate's evaluations are. */
  listScope(settings: S): ListScope;
  readonly lostCreate: LostCreateIdentity<RequestFor<S>, Target>;
  readonly ownBaseline?: OwnBaseline<S, T>;
  /**
   * Secrets nested inside its secret rows' raw values (Prime: each eval_config.custom_secrets value), masked one by
   * one besides the whole row; whatever provider is chosen, and never throwing on a malformed value.
   */
  nestedSecrets?(raw: Partial<Record<string, string>>): string[];
}

/** Any provider's part, as the registry holds it. */
export type AnyGateProvider = GateProvider<ProviderSettingsBase, SettingsTable, CreateTargetBase>;

/** The parsed settings of a gate provider. */
export type SettingsOf<G> = G extends { parseSettings(check: never): infer S } ? Exclude<S, undefined> : never;

/** The saved create target of a gate provider. */
export type TargetOf<G> = G extends { readonly lostCreate: { readonly schema: z.core.$ZodType<infer Target> } } ? Target : never;
