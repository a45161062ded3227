import '../../zod-config.js';
import * as z from 'zod/mini';
import { ConfigurationError } from '../../errors.js';
import { lazy } from '../../lazy.js';

/**
 * `timeout_minutes` sent when the caller gave none. The spec's text says the server default is 1440 (24 h), the
 * hosted-evaluations guide says 120 (QUIRKS PRIME-7); an explicit value removes the doubt, and the lower bound keeps
 * a runaway run from billing for a day.
 */
export const PRIME_DEFAULT_TIMEOUT_MINUTES = 120;

const optionalInteger = (min: number, max: number) => z.nullish(z.int().check(z.gte(min), z.lte(max)));

// Prime's HostedEvalConfig: the keys it documents are checked, others pass through (the spec allows them).
const hostedEvalConfig = lazy(() =>
  z.looseObject({
    num_examples: z.int().check(z.gte(-1), z.lte(Number.MAX_SAFE_INTEGER)),
    rollouts_per_example: z.int().check(z.gte(1), z.lte(2048)),
    env_args: z.nullish(z.record(z.string(), z.unknown())),
    allow_sandbox_access: z.nullish(z.boolean()),
    allow_instances_access: z.nullish(z.boolean()),
    allow_tunnel_access: z.nullish(z.boolean()),
    timeout_minutes: optionalInteger(120, 1440),
    custom_secrets: z.nullish(z.record(z.string(), z.string())),
    sampling_args: z.nullish(z.record(z.string(), z.unknown())),
    max_concurrent: optionalInteger(1, Number.MAX_SAFE_INTEGER),
    max_retries: optionalInteger(0, Number.MAX_SAFE_INTEGER),
    state_columns: z.nullish(z.array(z.string())),
    independent_scoring: z.nullish(z.boolean()),
    verbose: z.nullish(z.boolean()),
    headers: z.nullish(z.array(z.string())),
    extra_env_kwargs: z.nullish(z.record(z.string(), z.unknown())),
    api_client_type: z.nullish(z.string()),
    api_base_url: z.nullish(z.string()),
    api_key_var: z.nullish(z.string()),
  }),
);

/**
 * The `eval_config` of a hosted run, complete: `num_examples` and `rollouts_per_example` are required (Prime requires
 * them), `timeout_minutes` is made explicit. Throws `ConfigurationError` naming the key and the allowed values.
 */
export function completeEvalConfig(config: Record<string, unknown> | undefined): Record<string, unknown> {
  const parsed = hostedEvalConfig().safeParse(config ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `eval_config.${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
    throw new ConfigurationError(
      `Prime hosted evaluation config is invalid (${problems}); num_examples (-1 for all) and rollouts_per_example (1-2048) are required, timeout_minutes must be 120-1440`,
    );
  }
  const complete: Record<string, unknown> = { ...parsed.data };
  if (complete.timeout_minutes === undefined || complete.timeout_minutes === null) {
    complete.timeout_minutes = PRIME_DEFAULT_TIMEOUT_MINUTES;
  }
  return complete;
}
