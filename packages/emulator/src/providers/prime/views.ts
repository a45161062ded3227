/** Prime wire objects built from the stored records and the clock; statuses in Prime's vocabulary. */
import type { LifecycleState, Phase } from '../../lifecycle.js';
import { effectiveState } from '../../lifecycle.js';
import { average, maximum, minimum } from '../../stats.js';
import type { PrimeEvaluation } from '../../store.js';
import { isoString } from '../../time-format.js';

const RAW_BY_PHASE: Record<Phase, string> = {
  queued: 'PENDING',
  running: 'RUNNING',
  completed: 'COMPLETED',
  failed: 'FAILED',
  timed_out: 'TIMEOUT',
  cancelled: 'CANCELLED',
};

const PHASE_BY_RAW: Record<string, Phase> = {
  PENDING: 'queued',
  RUNNING: 'running',
  PROCESSING: 'running',
  COMPLETED: 'completed',
  FAILED: 'failed',
  TIMEOUT: 'timed_out',
  CANCELLED: 'cancelled',
};

export const primeRawStatus = (phase: Phase): string => RAW_BY_PHASE[phase];
export const primePhaseOfRaw = (raw: string): Phase | null => PHASE_BY_RAW[raw] ?? null;

export interface PrimeView {
  state: LifecycleState;
  status: string;
}

export function primeState(record: PrimeEvaluation, now: number): PrimeView {
  const forced = record.sim.forcedStatus;
  const state = effectiveState(record.sim, now, forced === null ? null : primePhaseOfRaw(forced));
  return { state, status: forced ?? primeRawStatus(state.phase) };
}

export const viewerUrl = (origin: string, id: string): string => `${origin}/dashboard/evaluations/${id}`;

/** Scores that count right now: pushed ones (client-driven) or simulated ones once completed. */
function visibleScores(record: PrimeEvaluation, state: LifecycleState): number[] | null {
  if (!record.hosted) return record.scores;
  return state.phase === 'completed' ? record.scores : null;
}

export function primeStats(record: PrimeEvaluation, state: LifecycleState) {
  const scores = visibleScores(record, state) ?? [];
  const totalSamples = record.hosted
    ? state.phase === 'completed'
      ? record.scores.length
      : Math.floor(state.progress * record.scores.length)
    : record.samplesAdded;
  return { total_samples: totalSamples, avg_score: average(scores), min_score: minimum(scores), max_score: maximum(scores) };
}

export function primeCreated(record: PrimeEvaluation, now: number, origin: string) {
  return {
    evaluation_id: record.id,
    name: record.name,
    status: primeState(record, now).status,
    eval_type: record.evalType,
    environment_ids: record.environmentIds,
    suite_id: record.suiteId,
    run_id: record.runId,
    version_id: record.versionId,
    viewer_url: viewerUrl(origin, record.id),
    created_at: isoString(record.sim.createdAt),
  };
}

export function primeEvaluation(record: PrimeEvaluation, now: number, origin: string) {
  const { state, status } = primeState(record, now);
  return {
    evaluation_id: record.id,
    id: record.id,
    name: record.name,
    status,
    eval_type: record.evalType,
    is_hosted: record.hosted,
    environment_ids: record.environmentIds,
    suite_id: record.suiteId,
    run_id: record.runId,
    inference_model: record.inferenceModel,
    viewer_url: viewerUrl(origin, record.id),
    created_at: isoString(record.sim.createdAt),
    updated_at: isoString(Math.max(record.updatedAt, state.terminalAt ?? record.updatedAt)),
    completed_at: state.terminalAt === null ? null : isoString(state.terminalAt),
    ...primeStats(record, state),
    tags: record.tags,
    metadata: record.metadata,
    progress: record.hosted ? state.progress : null,
  };
}

/**
 * The samples `GET .../samples` returns: pushed ones as they were sent (client-driven), simulated rows in the
 * verifiers results.jsonl form (`example_id`, `reward`, `prompt`, `completion`) once a hosted run completed.
 */
export function primeSamples(record: PrimeEvaluation, state: LifecycleState): Array<Record<string, unknown>> {
  if (!record.hosted) return record.pushedSamples ?? record.scores.map((score, index) => ({ example_id: index, reward: score }));
  if (state.phase !== 'completed') return [];
  return record.scores.map((score, index) => ({
    example_id: index,
    reward: score,
    prompt: [{ role: 'user', content: `simulated prompt ${index + 1}` }],
    completion: [{ role: 'assistant', content: `simulated answer ${index + 1}` }],
  }));
}
