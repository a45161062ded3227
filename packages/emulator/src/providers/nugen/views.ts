/** Nugen wire objects: lowercase statuses on /status, UPPERCASE ones in lists. */
import { effectiveState, type LifecycleState, type Phase } from '../../lifecycle.js';
import { average } from '../../stats.js';
import type { NugenEvaluation } from '../../store.js';
import { isoSeconds } from '../../time-format.js';

const RAW_BY_PHASE: Record<Phase, string> = {
  queued: 'pending',
  running: 'processing',
  completed: 'completed',
  failed: 'failed',
  // Nugen documents no timeout or cancelled status; both surface as failed.
  timed_out: 'failed',
  cancelled: 'failed',
};

const PHASE_BY_RAW: Record<string, Phase> = {
  pending: 'queued',
  queued: 'queued',
  processing: 'running',
  running: 'running',
  completed: 'completed',
  ready: 'completed',
  failed: 'failed',
  error: 'failed',
  timeout: 'timed_out',
  cancelled: 'cancelled',
  canceled: 'cancelled',
};

const LIST_STATUS: Record<Phase, string> = {
  queued: 'PROCESSING',
  running: 'PROCESSING',
  completed: 'READY',
  failed: 'FAILED',
  timed_out: 'FAILED',
  cancelled: 'FAILED',
};

export const nugenRawStatus = (phase: Phase): string => RAW_BY_PHASE[phase];
export const nugenPhaseOfRaw = (raw: string): Phase | null => PHASE_BY_RAW[raw.toLowerCase()] ?? null;

export function nugenState(record: NugenEvaluation, now: number): { state: LifecycleState; status: string } {
  const forced = record.sim.forcedStatus;
  const state = effectiveState(record.sim, now, forced === null ? null : nugenPhaseOfRaw(forced));
  return { state, status: forced ?? nugenRawStatus(state.phase) };
}

export function statusObject(record: NugenEvaluation, now: number) {
  const { state, status } = nugenState(record, now);
  const total = record.scores.length;
  const completed = state.phase === 'completed' ? total : Math.floor(state.progress * total);
  const remainingMs = state.terminalAt === null ? Math.max(0, record.sim.createdAt + record.sim.durationMs - now) : 0;
  return {
    evaluation_id: record.id,
    status,
    progress: Math.round((state.phase === 'completed' ? 1 : state.progress) * 100),
    questions_completed: completed,
    total_questions: total,
    eta_seconds: Math.ceil(remainingMs / 1000),
  };
}

export function listItem(record: NugenEvaluation, now: number) {
  const { state } = nugenState(record, now);
  const forced = record.sim.forcedStatus;
  return {
    evaluation_id: record.id,
    model_id: record.modelId,
    model_id_2: record.modelId2,
    benchmark_id: record.benchmarkId,
    status: forced === null ? LIST_STATUS[state.phase] : forced.toUpperCase(),
    created_at: isoSeconds(record.sim.createdAt),
  };
}

export function resultsObject(record: NugenEvaluation, state: LifecycleState, origin: string) {
  const averageScore = average(record.scores) ?? 0;
  const accuracy = record.scores.length === 0 ? 0 : record.scores.filter((score) => score >= 0.5).length / record.scores.length;
  const customMetrics = Object.fromEntries(Object.keys(record.customMetrics ?? {}).map((name) => [name, averageScore]));
  return {
    evaluation_id: record.id,
    model_id: record.modelId,
    model_id_2: record.modelId2,
    benchmark_id: record.benchmarkId,
    status: 'completed',
    created_at: isoSeconds(record.sim.createdAt),
    completed_at: isoSeconds(state.terminalAt ?? record.sim.createdAt + record.sim.durationMs),
    report_url: `${origin}/evaluations/${record.id}/report`,
    results: {
      average_score: averageScore,
      total_questions: record.scores.length,
      scores: record.scores,
      metrics: { accuracy, ...customMetrics },
    },
    comparison:
      record.modelId2 === null || record.comparisonScores === null
        ? null
        : {
            model_id: record.modelId2,
            average_score: average(record.comparisonScores) ?? 0,
            scores: record.comparisonScores,
          },
  };
}

/** The `GET .../download` file of a completed single-model evaluation: aggregates plus one row per question. */
export function downloadObject(record: NugenEvaluation, state: LifecycleState) {
  return {
    evaluation_id: record.id,
    status: 'completed',
    model_id: record.modelId,
    benchmark_id: record.benchmarkId,
    method: 'eval',
    metrics: { average_score: average(record.scores) ?? 0 },
    raw_answers_count: record.scores.length,
    detailed_results: record.scores.map((score, index) => ({
      question_id: `q${index + 1}`,
      question: `simulated question ${index + 1}`,
      expected_answer: `simulated expected answer ${index + 1}`,
      model_answer: `simulated answer ${index + 1}`,
      score,
    })),
    created_at: isoSeconds(record.sim.createdAt),
    completed_at: isoSeconds(state.terminalAt ?? record.sim.createdAt + record.sim.durationMs),
  };
}
