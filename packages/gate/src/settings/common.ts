// The settings every provider shares: the connection (provider, key, base URL), the evaluation's name, the thresholds
// and how the run waits and reports. The Action's inputs (action.yml), the CLI's flags (`--min-avg-score`),
// environment variables (`EVALGATE_MIN_AVG_SCORE`) and config-file keys derive from these and the providers' rows.
import { PROVIDER_NAMES, providerNames, providers, type ProviderName } from '@evalgate/core';
import { choice, decimal, httpUrl, nameTemplate, optionalText } from './fields.js';
import { setting } from './spec.js';

/** Core's providers when this runs: a test provider registered through `@evalgate/core/testing` is a valid choice. */
const currentProviders = () => providerNames() as readonly [ProviderName, ...ProviderName[]];

/** Each shipped provider's default API root, as action.yml documents them (core's registry has them). */
const SHIPPED_DEFAULT_URLS = providers()
  .filter((provider) => PROVIDER_NAMES.includes(provider.name))
  .map((provider) => `${provider.name} ${provider.defaultBaseUrl}`)
  .join(', ');

/** The rows before the providers' own (action.yml lists them in this order). */
export const LEADING_SETTINGS = {
  provider: setting({ description: `Evaluation provider: ${PROVIDER_NAMES.join(' | ')}.`, required: true, secret: false, parse: choice(currentProviders) }),
  'api-key': setting({
    description: 'API key of the provider. Pass a secret; it is masked before anything is logged.',
    required: true,
    secret: true,
    parse: optionalText,
  }),
  'base-url': setting({
    description: `Provider API root. Defaults: ${SHIPPED_DEFAULT_URLS}.`,
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
} as const;

/** The rows after the providers' own. */
export const TRAILING_SETTINGS = {
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

/** Every common row, typed: hosts read these by name. */
export const COMMON_SETTINGS = { ...LEADING_SETTINGS, ...TRAILING_SETTINGS } as const;

export type CommonSettingName = keyof typeof COMMON_SETTINGS;
