import type { Evaluation, Scores } from '../../domain/evaluation.js';
import { passRateOf, scoresFromDetailedResults, scoresFromStatKeys } from './metrics.js';
import { nugenProgress, nugenStatusOf } from './progress.js';
import { nugenTime } from './time.js';
import type { NugenDownloadWire, NugenListItemWire, NugenResultsWire, NugenStatusWire } from './wire.js';

/** What Nugen says about an evaluation outside its status endpoint: model, benchmark, creation time. */
export interface NugenIdentity {
  modelId?: string | null | undefined;
  modelId2?: string | null | undefined;
  benchmarkId?: string | null | undefined;
  createdAt?: string | null | undefined;
  /** `judge_provider` as create or list answered it (absent on older Nugen versions, NUGEN-3). */
  judgeProvider?: string | null | undefined;
}

/** What a completed evaluation adds to its status: aggregates and, when readable, the per-question file. */
export interface NugenOutcome {
  results: NugenResultsWire;
  download?: NugenDownloadWire | undefined;
}

type Side = 'base_model' | 'eval_model';
type JsonObject = Record<string, unknown>;

/** Nugen evaluations have no name; "model on benchmark" (or "model vs model2 on benchmark") says what it is. */
export function nugenName(id: string, identity: NugenIdentity | undefined): string {
  if (!identity?.modelId) return id;
  const models = identity.modelId2 ? `${identity.modelId} vs ${identity.modelId2}` : identity.modelId;
  return identity.benchmarkId ? `${models} on ${identity.benchmarkId}` : models;
}

function base(id: string, rawStatus: string, identity: NugenIdentity | undefined): Evaluation {
  const createdAt = nugenTime(identity?.createdAt);
  const status = nugenStatusOf(rawStatus);
  return {
    provider: 'nugen',
    id,
    name: nugenName(id, identity),
    status,
    rawStatus,
    ...(createdAt ? { createdAt } : {}),
    // Nugen has neither cancel nor finalize; DELETE is never a cancel (NUGEN-7, X-1).
    // A re-run reads /results, which exists once completed and says whether two models were compared (nugen/rerun.ts).
    capabilities: { canCancel: false, canFinalize: false, canRerun: status === 'completed' && !!identity?.modelId && !!identity.benchmarkId },
    ...(identity?.modelId ? { model: identity.modelId } : {}),
    ...(identity?.benchmarkId ? { benchmark: identity.benchmarkId } : {}),
  };
}

const objectAt = (value: JsonObject | null | undefined, key: string): JsonObject | undefined => {
  const inner = value?.[key];
  return inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? (inner as JsonObject) : undefined;
};
const stringAt = (value: JsonObject | undefined, key: string): string | undefined => (typeof value?.[key] === 'string' ? value[key] : undefined);

/** A list row: its `*_mean/_min/_max` aggregates, flat (single model) or under base_model/eval_model (NUGEN-6). */
export function mapNugenListItem(item: NugenListItemWire): Evaluation {
  const evaluation = base(item.evaluation_id, item.status, {
    modelId: item.model_id,
    modelId2: item.model_id_2,
    benchmarkId: item.benchmark_id,
    createdAt: item.created_at,
    judgeProvider: item.judge_provider,
  });
  const metrics = item.metrics ?? undefined;
  const baseModel = objectAt(metrics, 'base_model');
  const evalModel = objectAt(metrics, 'eval_model');
  const scores = scoresFromStatKeys(baseModel ?? metrics);
  const comparisonScores = scoresFromStatKeys(evalModel);
  const comparisonModel = item.model_id_2 ?? stringAt(evalModel, 'model_id');
  return {
    ...evaluation,
    ...(scores ? { scores } : {}),
    ...(evalModel || item.model_id_2
      ? { comparison: { model: comparisonModel ?? 'eval_model', ...(comparisonScores ? { scores: comparisonScores } : {}) } }
      : {}),
  };
}

/** Comparison mode is what `method` says; without a method, a `model_id_2` means comparison (NUGEN-2). */
export function isComparison(results: NugenResultsWire): boolean {
  const method = results.method?.trim().toLowerCase();
  if (method === 'eval-compare') return true;
  if (method === 'eval') return false;
  return typeof results.model_id_2 === 'string' && results.model_id_2 !== '';
}

/**
 * Which side holds `model_id` (the model under test). The one comparison example has base_model = model_id and
 * eval_model = model_id_2; a side whose own `model_id` says otherwise wins.
 */
function primarySide(results: NugenResultsWire): Side {
  const primary = results.model_id;
  const baseModel = stringAt(results.base_model ?? undefined, 'model_id');
  const evalModel = stringAt(results.eval_model ?? undefined, 'model_id');
  return primary && evalModel === primary && baseModel !== primary ? 'eval_model' : 'base_model';
}

/** One model's scores in comparison mode: its per-question rows when the file has them, else its aggregates. */
function sideScores(outcome: NugenOutcome, side: Side): Scores | undefined {
  const aggregates = outcome.results[side] ?? undefined;
  return scoresFromDetailedResults(outcome.download?.[side]?.detailed_results) ?? scoresFromStatKeys(aggregates);
}

function singleScores(outcome: NugenOutcome): Scores | undefined {
  const metrics = outcome.results.metrics ?? outcome.download?.metrics ?? undefined;
  const perQuestion = scoresFromDetailedResults(outcome.download?.detailed_results);
  if (perQuestion) {
    const passRate = passRateOf(metrics);
    return passRate === undefined ? perQuestion : { ...perQuestion, passRate };
  }
  return scoresFromStatKeys(metrics);
}

export function mapNugenStatus(wire: NugenStatusWire, identity: NugenIdentity | undefined, outcome?: NugenOutcome): Evaluation {
  const results = outcome?.results;
  const comparison = results !== undefined && isComparison(results);
  const evaluation = base(wire.evaluation_id, wire.status, {
    modelId: results?.model_id ?? identity?.modelId,
    modelId2: results?.model_id_2 ?? identity?.modelId2,
    benchmarkId: results?.benchmark_id ?? wire.benchmark_id ?? identity?.benchmarkId,
    createdAt: identity?.createdAt,
    judgeProvider: identity?.judgeProvider,
  });
  const progress = nugenProgress(wire);
  const updatedAt = nugenTime(results?.completed_at) ?? nugenTime(wire.end_time);
  let scores: Scores | undefined;
  let second: Evaluation['comparison'];
  if (outcome && comparison) {
    const primary = primarySide(outcome.results);
    const other: Side = primary === 'base_model' ? 'eval_model' : 'base_model';
    scores = sideScores(outcome, primary);
    const otherScores = sideScores(outcome, other);
    const model = outcome.results.model_id_2 ?? stringAt(outcome.results[other] ?? undefined, 'model_id') ?? identity?.modelId2 ?? other;
    second = { model, ...(otherScores ? { scores: otherScores } : {}) };
  } else if (outcome) {
    scores = singleScores(outcome);
  }
  return {
    ...evaluation,
    ...(progress ? { progress } : {}),
    ...(scores ? { scores } : {}),
    ...(updatedAt ? { updatedAt } : {}),
    ...(second ? { comparison: second } : {}),
  };
}
