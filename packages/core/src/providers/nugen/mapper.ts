import { isTerminal, type Evaluation, type Scores } from '../../domain/evaluation.js';
import { normalizeStatus } from '../../domain/status.js';
import { aggregateScores } from '../../domain/scores.js';
import { definedOnly, toDate } from '../wire-helpers.js';
import type { NugenListItemWire, NugenResultsWire, NugenStatusWire } from './wire.js';

/** What Nugen says about an evaluation outside its status endpoint: model, benchmark, creation time. */
export interface NugenIdentity {
  modelId?: string | null | undefined;
  modelId2?: string | null | undefined;
  benchmarkId?: string | null | undefined;
  createdAt?: string | null | undefined;
}

/** Nugen evaluations have no name; "model on benchmark" (or "model vs model2 on benchmark") says what it is. */
export function nugenName(id: string, identity: NugenIdentity | undefined): string {
  if (!identity?.modelId) return id;
  const models = identity.modelId2 ? `${identity.modelId} vs ${identity.modelId2}` : identity.modelId;
  return identity.benchmarkId ? `${models} on ${identity.benchmarkId}` : models;
}

function base(id: string, rawStatus: string, identity: NugenIdentity | undefined): Evaluation {
  const status = normalizeStatus('nugen', rawStatus);
  const createdAt = toDate(identity?.createdAt);
  return {
    provider: 'nugen',
    id,
    name: nugenName(id, identity),
    status,
    rawStatus,
    ...(createdAt ? { createdAt } : {}),
    // Nugen has neither cancel nor finalize.
    capabilities: { canCancel: false, canFinalize: false },
    ...(identity?.modelId ? { model: identity.modelId } : {}),
  };
}

export function mapNugenListItem(item: NugenListItemWire): Evaluation {
  return base(item.evaluation_id, item.status, {
    modelId: item.model_id,
    modelId2: item.model_id_2,
    benchmarkId: item.benchmark_id,
    createdAt: item.created_at,
  });
}

/** Scores from the per-question list; `average_score` alone is not enough for min/max. */
function scoresOf(values: number[] | null | undefined): Scores | undefined {
  return aggregateScores(values ?? []);
}

export function mapNugenStatus(
  wire: NugenStatusWire,
  identity: NugenIdentity | undefined,
  results?: NugenResultsWire,
): Evaluation {
  const evaluation = base(wire.evaluation_id, wire.status, results ? {
    modelId: results.model_id ?? identity?.modelId,
    modelId2: results.model_id_2 ?? identity?.modelId2,
    benchmarkId: results.benchmark_id ?? identity?.benchmarkId,
    createdAt: results.created_at ?? identity?.createdAt,
  } : identity);
  const fraction = typeof wire.progress === 'number' ? Math.min(1, Math.max(0, wire.progress / 100)) : undefined;
  const progress = definedOnly({
    fraction,
    completed: wire.questions_completed ?? undefined,
    total: wire.total_questions ?? undefined,
    etaSeconds: wire.eta_seconds ?? undefined,
  });
  const scores = results ? scoresOf(results.results.scores) : undefined;
  const comparisonScores = results?.comparison ? scoresOf(results.comparison.scores) : undefined;
  const updatedAt = toDate(results?.completed_at);
  const failedMessage = isTerminal(evaluation.status) && evaluation.status !== 'completed' ? (wire.error ?? wire.message) : undefined;
  return {
    ...evaluation,
    ...(Object.keys(progress).length > 0 ? { progress } : {}),
    ...(scores ? { scores } : {}),
    ...(results?.report_url ? { reportUrl: results.report_url } : {}),
    ...(updatedAt ? { updatedAt } : {}),
    ...(failedMessage ? { errorMessage: failedMessage } : {}),
    ...(results?.comparison
      ? {
          comparison: {
            model: results.comparison.model_id ?? results.model_id_2 ?? 'unknown',
            ...(comparisonScores ? { scores: comparisonScores } : {}),
          },
        }
      : {}),
  };
}
