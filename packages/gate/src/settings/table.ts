// Every gate setting, once: its name (the Action's input name), description, default, whether it is required or can
// hold a secret, which provider it belongs to, and its parser. The Action's inputs (action.yml), the CLI's flags
// (`--min-avg-score`), environment variables (`EVALGATE_MIN_AVG_SCORE`) and config-file keys all derive from it.
import { PROVIDER_NAMES, type ProviderName } from '@evalgate/core';
import * as z from 'zod';
import { choice, decimal, environmentList, httpUrl, jsonObject, nameTemplate, optionalText, splitList } from './fields.js';
import { hostedTimeoutMinutes, numExamples, rolloutsPerExample } from './prime-hosted.js';

/** A parser over the raw string a host passes ('' when unset, after the default is applied). */
export type SettingParser = z.ZodType<unknown, string>;

export interface SettingSpec<P extends SettingParser = SettingParser> {
  description: string;
  /** Applied to an unset value before parsing; the only place a default is written. */
  default?: string;
  /** Must be given (the Action: `required: true`). */
  required: boolean;
  /** May hold a secret: never echoed, never put in the parsed settings, masked by the redactor. */
  secret: boolean;
  /** Only for this provider; any other provider rejects it. */
  provider?: ProviderName;
  parse: P;
  /**
   * Who applies the default: `parser` (settings/parse.ts) or `runner` (an Action expression such as
   * `${{ github.token }}` that only the runner can evaluate; the parser leaves it unset).
   */
  defaultAppliedBy?: 'parser' | 'runner';
}

/** Keeps each entry's exact type (its parser's output, its default's literal) for the parsed settings' types. */
function setting<const S extends SettingSpec>(spec: S): S {
  return spec;
}

/** The providers a gate can be set to: core's registry. */
export const PROVIDER_CHOICES = PROVIDER_NAMES as readonly [ProviderName, ...ProviderName[]];

export const GATE_SETTINGS = {
  provider: setting({ description: `Evaluation provider: ${PROVIDER_CHOICES.join(' | ')}.`, required: true, secret: false, parse: choice(PROVIDER_CHOICES) }),
  'api-key': setting({
    description: 'API key of the provider. Pass a secret; it is masked before anything is logged.',
    required: true,
    secret: true,
    parse: optionalText,
  }),
  'base-url': setting({
    description: 'Provider API root. Defaults: prime https://api.primeintellect.ai, openai https://api.openai.com/v1, nugen https://api.nugen.in.',
    required: false,
    secret: false,
    parse: httpUrl,
  }),
  name: setting({
    description: 'Evaluation name. Placeholders: {pr} (#12, or the branch outside a PR), {sha} (7 chars), {ref}, {repo}, {check}, {run}.',
    default: 'evalgate {pr} {sha}',
    required: false,
    secret: false,
    parse: nameTemplate,
  }),
  environments: setting({
    description:
      'Prime: the hub environment id of a hosted evaluation (one; a matrix job per environment for more). With samples-file: comma-separated ids, each id or id@version.',
    required: false,
    secret: false,
    provider: 'prime',
    parse: environmentList,
  }),
  'inference-model': setting({
    description: 'Prime: the model a hosted evaluation runs (one of GET /api/v1/hosted-evaluations/models).',
    required: false,
    secret: false,
    provider: 'prime',
    parse: optionalText,
  }),
  'eval-config': setting({
    description:
      'Prime: further eval_config keys of a hosted evaluation as a JSON object, e.g. {"env_args": {"split": "test"}, "sampling_args": {"temperature": 0}}. num_examples, rollouts_per_example and timeout_minutes come from their own inputs.',
    required: false,
    // custom_secrets may be in it.
    secret: true,
    provider: 'prime',
    parse: jsonObject,
  }),
  'num-examples': setting({
    description: 'Prime: examples a hosted evaluation runs per environment (eval_config.num_examples); -1 for all.',
    // The Prime CLI's default for `prime eval run --hosted`.
    default: '5',
    required: false,
    secret: false,
    parse: numExamples,
  }),
  'rollouts-per-example': setting({
    description: 'Prime: rollouts per example of a hosted evaluation (eval_config.rollouts_per_example), 1-2048.',
    // The Prime CLI's default.
    default: '3',
    required: false,
    secret: false,
    parse: rolloutsPerExample,
  }),
  'hosted-timeout-minutes': setting({
    description:
      "Prime: minutes Prime lets a hosted evaluation run before ending it as TIMEOUT (eval_config.timeout_minutes), 120-1440. Always sent: Prime's own default is documented as both 120 and 1440.",
    // Prime's minimum; the spec and the guide disagree on the server's default, so it is always sent.
    default: '120',
    required: false,
    secret: false,
    parse: hostedTimeoutMinutes,
  }),
  'samples-file': setting({
    description:
      'Prime: JSONL file of scored samples from an earlier step ({"reward": 0.8, ...} per line; "score" is read too); makes a client-driven evaluation that is pushed, then finalized.',
    required: false,
    secret: false,
    provider: 'prime',
    parse: optionalText,
  }),
  'eval-id': setting({ description: 'OpenAI: the eval to create a run of.', required: false, secret: false, provider: 'openai', parse: optionalText }),
  'data-source': setting({
    description: "OpenAI: the run's data_source, as a JSON object or a path to a JSON file.",
    required: false,
    // Inline JSON may carry credentials (e.g. a URL with a token); the value is never echoed.
    secret: true,
    provider: 'openai',
    parse: optionalText,
  }),
  'model-id': setting({ description: 'Nugen: the model to evaluate.', required: false, secret: false, provider: 'nugen', parse: optionalText }),
  'benchmark-id': setting({ description: 'Nugen: the benchmark to run.', required: false, secret: false, provider: 'nugen', parse: optionalText }),
  'baseline-model-id': setting({
    description: 'Nugen: a second model evaluated side by side (comparison mode); its average is the baseline.',
    required: false,
    secret: false,
    provider: 'nugen',
    parse: optionalText,
  }),
  metric: setting({
    description: 'Nugen: comma-separated metrics to request (sent as custom_metrics.metrics).',
    required: false,
    secret: false,
    provider: 'nugen',
    parse: z.string().transform(splitList),
  }),
  'min-avg-score': setting({
    description: 'The average score must be at least this.',
    required: false,
    secret: false,
    parse: decimal({ min: -1e9, max: 1e9 }),
  }),
  'min-min-score': setting({
    description: 'The lowest sample score must be at least this.',
    required: false,
    secret: false,
    parse: decimal({ min: -1e9, max: 1e9 }),
  }),
  'max-regression': setting({
    description: 'Largest allowed drop of the average against the baseline (needs baseline: base-branch, or baseline-model-id).',
    required: false,
    secret: false,
    parse: decimal({ min: 0, max: 1e9 }),
  }),
  baseline: setting({
    description: "none | base-branch: compare with the latest completed evaluation this action made for the PR's base branch.",
    default: 'none',
    required: false,
    secret: false,
    parse: choice(['none', 'base-branch']),
  }),
  'timeout-minutes': setting({
    description: 'Give up (cancel the evaluation, check timed_out) after this many minutes.',
    default: '30',
    required: false,
    secret: false,
    parse: decimal({ min: 0, max: 4320, minInclusive: false }),
  }),
  'poll-interval-seconds': setting({
    description: 'Longest pause between status polls; polls come sooner when the evaluation is about to finish.',
    default: '10',
    required: false,
    secret: false,
    parse: decimal({ min: 0.05, max: 3600 }),
  }),
  'fail-on': setting({
    description: 'Conclusion of the check when the gate fails: failure | neutral.',
    default: 'failure',
    required: false,
    secret: false,
    parse: choice(['failure', 'neutral']),
  }),
  'check-name': setting({
    description: "Name of the check run (and of this job's section in the PR comment). Give matrix jobs distinct names.",
    default: 'evalgate',
    required: false,
    secret: false,
    parse: optionalText,
  }),
  'allow-insecure-http': setting({
    description:
      'Allow an http:// base-url on a host that is not loopback (the API key then travels in clear text; only for a private network you trust). Loopback http is always allowed.',
    default: 'false',
    required: false,
    secret: false,
    parse: choice(['false', 'true']),
  }),
} as const;

export type GateSettingName = keyof typeof GATE_SETTINGS;

export const GATE_SETTING_NAMES = Object.keys(GATE_SETTINGS) as GateSettingName[];

/** Raw setting strings as a host passes them; empty or missing means unset. */
export type RawSettings = Partial<Record<GateSettingName, string>>;

/** The parsers of a table, as a zod object shape. */
export type ParserShape<T extends Record<string, SettingSpec>> = { [K in keyof T]: T[K]['parse'] };

export function parserShape<T extends Record<string, SettingSpec>>(table: T): ParserShape<T> {
  return Object.fromEntries(Object.entries(table).map(([name, spec]) => [name, spec.parse])) as ParserShape<T>;
}

/** `raw` with every unset value that has a parser-applied default filled in, and every name present ('' when unset). */
export function withDefaults<T extends Record<string, SettingSpec>>(table: T, raw: Partial<Record<keyof T, string>>): Record<keyof T, string> {
  return Object.fromEntries(
    Object.entries(table).map(([name, spec]) => {
      const given = raw[name as keyof T] ?? '';
      const useDefault = given.trim() === '' && spec.default !== undefined && spec.defaultAppliedBy !== 'runner';
      return [name, useDefault ? spec.default : given];
    }),
  ) as Record<keyof T, string>;
}

/** The CLI's flag for a setting: `--min-avg-score`. */
export function flagName(name: string): string {
  return `--${name}`;
}

/** The environment variable for a setting: `EVALGATE_MIN_AVG_SCORE`. */
export function envName(name: string): string {
  return `EVALGATE_${name.toUpperCase().replace(/-/g, '_')}`;
}
