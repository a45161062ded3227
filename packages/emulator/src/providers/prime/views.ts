/** Prime wire objects built from the stored records and the clock; statuses in Prime's vocabulary (the spec's seven). */
import type { LifecycleState, Phase } from '../../lifecycle.js';
import { effectiveState, isTerminal, startedAt } from '../../lifecycle.js';
import { average, maximum, minimum } from '../../stats.js';
import type { PrimeEvaluation } from './records-store.js';
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

/** Spec default of `eval_config.timeout_minutes` when a hosted request leaves it out (QUIRKS PRIME-7). */
export const DEFAULT_TIMEOUT_MINUTES = 1440;

export const primeRawStatus = (phase: Phase): string => RAW_BY_PHASE[phase];
export const primePhaseOfRaw = (raw: string): Phase | null => PHASE_BY_RAW[raw] ?? null;

export interface PrimeView {
  state: LifecycleState;
  status: string;
}

/** The phase a record is in before anything happened to it: queued for runs, running for pushed ones. */
const initialPhase = (record: PrimeEvaluation): Phase => (record.hosted ? 'queued' : 'running');

export function primeState(record: PrimeEvaluation, now: number): PrimeView {
  const forced = record.sim.forcedStatus;
  if (forced !== null) {
    const state = effectiveState(record.sim, now, primePhaseOfRaw(forced));
    return { state, status: forced };
  }
  const state = effectiveState(record.sim, now, null);
  const initial = record.initialStatus !== null && state.phase === initialPhase(record);
  return { state, status: initial ? (record.initialStatus as string) : primeRawStatus(state.phase) };
}

export const viewerUrl = (origin: string, id: string): string => `${origin}/dashboard/evaluations/${id}`;

/** How many samples exist now: pushed ones, or the simulated ones produced so far by a run. */
function sampleCount(record: PrimeEvaluation, state: LifecycleState): number {
  if (!record.hosted || record.dormant) return record.samplesAdded;
  return state.phase === 'completed' ? record.scores.length : Math.floor(state.progress * record.scores.length);
}

/** The stored samples: pushed objects, or `{example_id, reward}` rows of a run (the verifiers row convention). */
export function primeSamples(record: PrimeEvaluation, state: LifecycleState): Array<Record<string, unknown>> {
  if (!record.hosted || record.dormant) return record.samples;
  return record.scores.slice(0, sampleCount(record, state)).map((reward, index) => ({ example_id: index, reward }));
}

/**
 * avg/min/max over each sample's numeric `reward`, else `score` (QUIRKS PRIME-2); null when no sample has one.
 * A run's figures appear once it completed; pushed ones as soon as they are stored.
 */
export function primeStats(record: PrimeEvaluation, state: LifecycleState) {
  const counts = !record.hosted || record.dormant || state.phase === 'completed';
  const values = counts ? record.scores : [];
  return { total_samples: sampleCount(record, state), avg_score: average(values), min_score: minimum(values), max_score: maximum(values) };
}

function errorMessage(record: PrimeEvaluation, phase: Phase): string | null {
  if (phase === 'failed') return 'Evaluation failed (emulated failure)';
  if (phase === 'timed_out') {
    const timeout = record.evalConfig?.timeout_minutes;
    return `Evaluation exceeded timeout_minutes (${typeof timeout === 'number' ? timeout : DEFAULT_TIMEOUT_MINUTES})`;
  }
  if (phase === 'cancelled') return 'Stopped';
  return null;
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
  const stats = primeStats(record, state);
  const values = stats.avg_score === null ? [] : record.scores;
  const started = startedAt(record.sim, state);
  return {
    evaluation_id: record.id,
    name: record.name,
    status,
    eval_type: record.evalType,
    user_id: 'user_emulator',
    team_id: record.teamId,
    environment_ids: record.environmentIds,
    environment_names: null,
    suite_id: record.suiteId,
    run_id: record.runId,
    version_id: record.versionId,
    is_hosted: record.hosted,
    sandbox_id: record.sandboxId,
    inference_model: record.inferenceModel,
    eval_config: record.evalConfig,
    error_message: errorMessage(record, state.phase),
    model_name: record.modelName,
    dataset: record.dataset,
    framework: record.framework,
    task_type: record.taskType,
    description: record.description,
    tags: record.tags,
    ...stats,
    // When it left the queue (PENDING) and began running, not when it was created.
    started_at: started === null ? null : isoString(started),
    completed_at: state.terminalAt === null || !isTerminal(state.phase) ? null : isoString(state.terminalAt),
    created_at: isoString(record.sim.createdAt),
    updated_at: isoString(Math.max(record.updatedAt, state.terminalAt ?? record.updatedAt)),
    metadata: record.metadata,
    metrics: record.metrics,
    viewer_url: viewerUrl(origin, record.id),
    is_public: record.isPublic,
    show_on_leaderboard: record.showOnLeaderboard,
    statistics:
      values.length === 0 ? null : { totalResults: values.length, totalReward: values.reduce((sum, value) => sum + value, 0), avgReward: stats.avg_score },
    // Not in the spec: a run's fraction done, which the emulator knows and the Action shows while waiting.
    progress: record.hosted && !record.dormant ? state.progress : null,
  };
}
