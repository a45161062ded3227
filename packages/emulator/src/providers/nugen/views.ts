/**
 * Nugen wire objects as the docs show them (shared/api-docs/nugen): status with a display `progress` next to
 * integer counters, results with `metrics` (method eval) or `base_model`/`eval_model`/`comparison` (eval-compare),
 * the download file with `detailed_results[].score`, list items with `<metric>_mean/_min/_max/_std`.
 */
import { effectiveState, isTerminal, type LifecycleState } from '../../lifecycle.js';
import { average, maximum, minimum } from '../../stats.js';
import type { NugenEvaluation } from './records-store.js';
import { isoSeconds } from '../../time-format.js';
import type { NugenStatusCase } from '../../types.js';
import { nugenPhaseOfWord, nugenStatusWord } from './vocabulary.js';

/** A question counts as answered correctly from this score on (feeds `correct_answers`; an emulator choice). */
const CORRECT_FROM = 0.5;

export function nugenState(record: NugenEvaluation, now: number, statusCase: NugenStatusCase): { state: LifecycleState; status: string } {
  const forced = record.sim.forcedStatus;
  const state = effectiveState(record.sim, now, forced === null ? null : nugenPhaseOfWord(forced));
  return { state, status: forced ?? nugenStatusWord(state.phase, statusCase) };
}

export const isComparison = (record: NugenEvaluation): boolean => record.modelId2 !== null && record.comparisonScores !== null;

const completedAt = (record: NugenEvaluation, state: LifecycleState): string => isoSeconds(state.terminalAt ?? record.sim.createdAt + record.sim.durationMs);

/** `created_at` as the list example writes it: microseconds and no offset ("2026-03-10T10:43:12.826791"). */
const withoutOffset = (ms: number): string => new Date(ms).toISOString().replace(/Z$/, '000');

export function statusObject(record: NugenEvaluation, now: number, statusCase: NugenStatusCase) {
  const { state, status } = nugenState(record, now, statusCase);
  const total = record.scores.length;
  const done = state.phase === 'completed' ? total : Math.min(total, Math.floor(state.progress * total));
  const running = !isTerminal(state.phase);
  const remainingMs = running ? Math.max(0, record.sim.createdAt + record.sim.durationMs - now) : 0;
  return {
    evaluation_id: record.id,
    status,
    benchmark_id: record.benchmarkId,
    // NUGEN-1: the display string always agrees with the integers.
    progress: `${done}/${total} questions`,
    questions_completed: done,
    total_questions: total,
    avg_time_per_question: total === 0 ? null : record.sim.durationMs / 1000 / total,
    eta_seconds: running ? Math.ceil(remainingMs / 1000) : 0,
    start_time: isoSeconds(record.sim.createdAt),
    end_time: state.terminalAt === null ? null : isoSeconds(state.terminalAt),
  };
}

/** The aggregates of one model's scores, with the keys of the results example. */
function metricsOf(scores: readonly number[], customMetrics: NugenEvaluation['customMetrics']) {
  const averageScore = average(scores) ?? 0;
  const correct = scores.filter((score) => score >= CORRECT_FROM).length;
  const names = Array.isArray(customMetrics) ? customMetrics.filter((name): name is string => typeof name === 'string') : Object.keys(customMetrics ?? {});
  return {
    accuracy: scores.length === 0 ? 0 : correct / scores.length,
    average_score: averageScore,
    total_questions: scores.length,
    correct_answers: correct,
    ...Object.fromEntries(names.map((name) => [name, averageScore])),
  };
}

/** `<metric>_mean/_min/_max/_std` of a list item (NUGEN-6); the metric names are those of the list example. */
function statKeys(scores: readonly number[]) {
  const stats = (name: string, values: readonly number[]) => {
    const mean = average(values) ?? 0;
    const variance = values.length === 0 ? 0 : values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
    return {
      [`${name}_max`]: maximum(values) ?? 0,
      [`${name}_min`]: minimum(values) ?? 0,
      [`${name}_std`]: Math.sqrt(variance),
      [`${name}_mean`]: mean,
    };
  };
  return {
    ...stats('answer_relevance', scores),
    ...stats(
      'binary_correctness',
      scores.map((score) => (score >= CORRECT_FROM ? 1 : 0)),
    ),
  };
}

function listMetrics(record: NugenEvaluation, completed: boolean) {
  if (!completed) return null;
  if (isComparison(record)) {
    return { base_model: statKeys(record.scores), eval_model: statKeys(record.comparisonScores ?? []) };
  }
  return statKeys(record.scores);
}

export function listItem(record: NugenEvaluation, now: number, statusCase: NugenStatusCase) {
  const { state, status } = nugenState(record, now, statusCase);
  return {
    evaluation_id: record.id,
    model_id: record.modelId,
    benchmark_id: record.benchmarkId,
    status,
    judge_provider: record.judgeProvider,
    created_at: withoutOffset(record.sim.createdAt),
    metrics: listMetrics(record, state.phase === 'completed'),
  };
}

export function resultsObject(record: NugenEvaluation, state: LifecycleState, status: string) {
  const common = {
    evaluation_id: record.id,
    model_id: record.modelId,
    benchmark_id: record.benchmarkId,
    status,
    completed_at: completedAt(record, state),
  };
  if (!isComparison(record)) {
    return { ...common, method: 'eval', raw_answers_count: record.scores.length, metrics: metricsOf(record.scores, record.customMetrics) };
  }
  const second = record.comparisonScores ?? [];
  return {
    ...common,
    method: 'eval-compare',
    model_id_2: record.modelId2,
    raw_answers_count: record.scores.length + second.length,
    // The known part of the docs' comparison example; `comparison`'s contents are undocumented, so it stays empty.
    base_model: { model_id: record.modelId, average_score: average(record.scores) ?? 0, total_questions: record.scores.length },
    eval_model: { model_id: record.modelId2, average_score: average(second) ?? 0, total_questions: second.length },
    comparison: {},
  };
}

function detailedResults(scores: readonly number[]) {
  return scores.map((score, index) => ({
    question_id: `q${index + 1}`,
    question: `Benchmark question ${index + 1}`,
    expected_answer: `Expected answer ${index + 1}`,
    model_answer: `Model answer ${index + 1}`,
    score,
  }));
}

/**
 * The download file. Single model: as documented. Comparison: undocumented (NUGEN-2); this emulator's invention is
 * one `{model_id, metrics, detailed_results}` block per model under `base_model` / `eval_model`.
 */
export function downloadFile(record: NugenEvaluation, state: LifecycleState, status: string) {
  const common = {
    evaluation_id: record.id,
    status,
    model_id: record.modelId,
    benchmark_id: record.benchmarkId,
    created_at: isoSeconds(record.sim.createdAt),
    completed_at: completedAt(record, state),
  };
  if (!isComparison(record)) {
    return {
      ...common,
      method: 'eval',
      metrics: metricsOf(record.scores, record.customMetrics),
      raw_answers_count: record.scores.length,
      detailed_results: detailedResults(record.scores),
    };
  }
  const second = record.comparisonScores ?? [];
  return {
    ...common,
    model_id_2: record.modelId2,
    method: 'eval-compare',
    raw_answers_count: record.scores.length + second.length,
    base_model: { model_id: record.modelId, metrics: metricsOf(record.scores, record.customMetrics), detailed_results: detailedResults(record.scores) },
    eval_model: { model_id: record.modelId2, metrics: metricsOf(second, record.customMetrics), detailed_results: detailedResults(second) },
    comparison: {},
  };
}
