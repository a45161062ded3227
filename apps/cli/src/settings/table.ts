// The settings the CLI reads, one row each. The name is the Action's input name; from it come the flag
// (`--min-avg-score`), the environment variable (`EVALGATE_MIN_AVG_SCORE`) and the config file key.
// When @evalgate/gate exports its settings table, these rows are derived from it instead.
import { PROVIDER_NAMES, type ProviderName } from '@evalgate/core';
import { z } from 'zod';

export type SettingKind = 'text' | 'number' | 'boolean';

export interface SettingSpec {
  name: string;
  description: string;
  kind: SettingKind;
  /** Validates the typed value: as written in the config file, or converted from a flag or variable. */
  schema: z.ZodType;
  /** What to do when the value is wrong; the value itself is never echoed. */
  fix: string;
  default?: unknown;
  /** A secret never comes from the config file (it gets committed) and is never printed. */
  secret?: boolean;
}

const score = z.number().min(0).max(1);

export const SETTINGS = [
  {
    name: 'provider',
    description: 'Evaluation provider: prime, openai or nugen.',
    kind: 'text',
    schema: z.enum(PROVIDER_NAMES as [ProviderName, ...ProviderName[]]),
    fix: `use one of ${PROVIDER_NAMES.join(', ')}`,
  },
  {
    name: 'api-key',
    description: "The provider's API key. Only from --api-key or EVALGATE_API_KEY, never from the config file.",
    kind: 'text',
    schema: z.string().trim().min(1),
    fix: 'set EVALGATE_API_KEY from a CI secret (the flag --api-key also works, but shows in the process list)',
    secret: true,
  },
  {
    name: 'base-url',
    description: "Provider origin (Prime, Nugen) or API root (OpenAI, e.g. https://api.openai.com/v1); defaults to the provider's.",
    kind: 'text',
    schema: z.url({ protocol: /^https?$/ }),
    fix: 'use an absolute http(s) URL such as https://api.openai.com/v1, or leave it out for the provider default',
  },
  {
    name: 'allow-insecure-http',
    description: 'Allow a plain http base-url on a host that is not loopback (the key then travels in clear text).',
    kind: 'boolean',
    schema: z.boolean(),
    fix: 'use true or false',
    default: false,
  },
  {
    name: 'min-avg-score',
    description: 'The gate fails when the average score is below this (0-1).',
    kind: 'number',
    schema: score,
    fix: 'use a number from 0 to 1, e.g. 0.8',
  },
  {
    name: 'min-min-score',
    description: 'The gate fails when any scored sample is below this (0-1).',
    kind: 'number',
    schema: score,
    fix: 'use a number from 0 to 1, e.g. 0.2',
  },
  {
    name: 'timeout-minutes',
    description: 'How long to wait for the evaluation before giving up (exit code 3).',
    kind: 'number',
    schema: z.number().positive().max(1440),
    fix: 'use a number of minutes greater than 0 and at most 1440',
    default: 30,
  },
  {
    name: 'poll-interval-seconds',
    description: 'Longest pause between status polls (the first is at most 2 s).',
    kind: 'number',
    schema: z.number().min(0.1).max(300),
    fix: 'use a number of seconds from 0.1 to 300',
    default: 10,
  },
] as const satisfies readonly SettingSpec[];

export type SettingName = (typeof SETTINGS)[number]['name'];

export function flagOf(name: string): string {
  return `--${name}`;
}

export function envOf(name: string): string {
  return `EVALGATE_${name.toUpperCase().replaceAll('-', '_')}`;
}
