import type { NugenCreateRequest } from '../../domain/requests.js';
import { isComparison, type NugenIdentity } from './mapper.js';
import type { NugenResultsWire } from './wire.js';

/**
 * The create that starts a completed evaluation again: model and benchmark from `/results` (else from what list or
 * create said), the second model when `/results` shows a comparison, the judge when list or create named it. Undefined
 * when one of them is missing, or a comparison's second model is unknown. `custom_metrics` is returned by no Nugen
 * endpoint, so a re-run uses the default metrics (docs/wire-contract.md).
 */
export function nugenRerunRequest(results: NugenResultsWire, identity: NugenIdentity | undefined): NugenCreateRequest | undefined {
  const modelId = results.model_id ?? identity?.modelId;
  const benchmarkId = results.benchmark_id ?? identity?.benchmarkId;
  const compared = isComparison(results) || (results.eval_model !== null && results.eval_model !== undefined);
  const modelId2 = compared ? (results.model_id_2 ?? identity?.modelId2) : undefined;
  if (!modelId || !benchmarkId || (compared && !modelId2)) return undefined;
  return {
    provider: 'nugen',
    modelId,
    benchmarkId,
    ...(modelId2 ? { modelId2 } : {}),
    ...(identity?.judgeProvider ? { judgeProvider: identity.judgeProvider } : {}),
  };
}
