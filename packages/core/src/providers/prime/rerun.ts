import type { PrimeCreateRequest } from '../../domain/requests.js';
import type { PrimeEvaluationWire } from './wire.js';

/**
 * The hosted create that starts this evaluation again, or undefined when GET does not return enough for a faithful
 * copy: only hosted runs (client-driven ones are pushed by their own program), of exactly one environment (a hosted
 * create makes one evaluation per environment), with the model and an eval_config that has Prime's two required keys.
 * An eval_config carrying `custom_secrets` is not re-sent: whether GET echoes the values or redacts them is not
 * documented, and a redacted copy would start a run with broken secrets. Tags and metadata are not copied: they say
 * who started the original (the Action re-attaches by them).
 */
export function primeRerunRequest(wire: PrimeEvaluationWire): PrimeCreateRequest | undefined {
  const config = wire.eval_config;
  const environments = wire.environment_ids ?? [];
  if (wire.is_hosted !== true || environments.length !== 1 || !wire.inference_model || !config) return undefined;
  if (typeof config.num_examples !== 'number' || typeof config.rollouts_per_example !== 'number') return undefined;
  if (config.custom_secrets !== undefined && config.custom_secrets !== null) return undefined;
  return {
    provider: 'prime',
    name: wire.name,
    isHosted: true,
    environments: environments.map((id) => ({ id })),
    inferenceModel: wire.inference_model,
    evalConfig: { ...config },
    ...(wire.team_id ? { teamId: wire.team_id } : {}),
  };
}
