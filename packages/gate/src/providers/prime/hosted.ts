// The Prime hosted-run settings: num-examples, rollouts-per-example, hosted-timeout-minutes, and the extra eval-config
// keys. Together they make the complete eval_config of POST /api/v1/hosted-evaluations.
import '../../zod-locale.js';
import * as z from 'zod/mini';
import { reject } from '../../settings/fields.js';

/** The dedicated settings; their defaults are in Prime's rows (settings.ts). */
export const PRIME_HOSTED_INPUTS = ['num-examples', 'rollouts-per-example', 'hosted-timeout-minutes'] as const;

export type PrimeHostedInput = (typeof PRIME_HOSTED_INPUTS)[number];

/** The eval_config key each dedicated input fills. */
export const EVAL_CONFIG_KEY_OF: Record<PrimeHostedInput, string> = {
  'num-examples': 'num_examples',
  'rollouts-per-example': 'rollouts_per_example',
  'hosted-timeout-minutes': 'timeout_minutes',
};

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** An integer in [min, max]; these settings always have a default (settings.ts), so unset is an error. */
export function integerInput(min: number, max: number, hint: string) {
  return z.pipe(
    z.string(),
    z.transform((raw, payload): number => {
      const text = raw.trim();
      const value = /^[+-]?\d+$/.test(text) ? Number(text) : Number.NaN;
      if (Number.isSafeInteger(value) && value >= min && value <= max) return value;
      return reject(payload, `must be ${hint} (got ${JSON.stringify(text.slice(0, 20))})`);
    }),
  );
}

export const numExamples = integerInput(-1, MAX_SAFE, 'a whole number of examples per environment, or -1 for all').check(
  z.refine((value) => value !== 0, 'must be a whole number of examples (1 or more), or -1 for all; 0 would evaluate nothing'),
);
export const rolloutsPerExample = integerInput(1, 2048, 'a whole number from 1 to 2048');
export const hostedTimeoutMinutes = integerInput(120, 1440, "whole minutes from 120 to 1440 (Prime's limits)");

const optional = <T extends z.ZodMiniType>(schema: T) => z.nullish(schema);
const jsonObject = z.record(z.string(), z.unknown());

/** The other keys of Prime's HostedEvalConfig, as eval-config may set them. */
const extraKeys = z.strictObject({
  env_args: optional(jsonObject),
  allow_sandbox_access: optional(z.boolean()),
  allow_instances_access: optional(z.boolean()),
  allow_tunnel_access: optional(z.boolean()),
  custom_secrets: optional(z.record(z.string(), z.string())),
  sampling_args: optional(jsonObject),
  max_concurrent: optional(z.number().check(z.int(), z.gte(1), z.lte(MAX_SAFE))),
  max_retries: optional(z.number().check(z.int(), z.gte(0), z.lte(MAX_SAFE))),
  state_columns: optional(z.array(z.string())),
  independent_scoring: optional(z.boolean()),
  verbose: optional(z.boolean()),
  headers: optional(z.array(z.string())),
  extra_env_kwargs: optional(jsonObject),
  api_client_type: optional(z.string()),
  api_base_url: optional(z.string()),
  api_key_var: optional(z.string()),
});

const KNOWN_KEYS = Object.keys(extraKeys.shape).join(', ');

/**
 * Checks eval-config against Prime's HostedEvalConfig. Returns the problems (each a message for the eval-config
 * input); values are never echoed, they may hold secrets (custom_secrets).
 */
export function evalConfigProblems(config: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const rest = { ...config };
  for (const [input, key] of Object.entries(EVAL_CONFIG_KEY_OF)) {
    if (key in rest) {
      problems.push(`must not set ${key}: use the ${input} input instead`);
      delete rest[key];
    }
  }
  const parsed = extraKeys.safeParse(rest);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        problems.push(`has unknown key(s) ${issue.keys.join(', ')}; Prime's eval_config takes ${KNOWN_KEYS} (and the dedicated inputs)`);
      } else {
        problems.push(`key ${issue.path.join('.')} ${issue.message.replace(/^Invalid input: /, '')}`);
      }
    }
  }
  return problems;
}
