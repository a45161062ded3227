/** OpenAI wire objects (eval, eval.run, eval.run.output_item) built from the records and the clock. */
import { effectiveState, type LifecycleState, type Phase } from '../../lifecycle.js';
import type { OpenAIEval, OpenAIRun } from './records-store.js';
import { unixSeconds } from '../../time-format.js';
import { openaiOutputItemId } from '../../ids.js';

/** A sample passes its grader at this score or above. */
export const PASS_THRESHOLD = 0.5;

const RAW_BY_PHASE: Record<Phase, string> = {
  queued: 'queued',
  running: 'in_progress',
  completed: 'completed',
  failed: 'failed',
  // OpenAI has no timeout status; a run that times out reports failed.
  timed_out: 'failed',
  cancelled: 'canceled',
};

const PHASE_BY_RAW: Record<string, Phase> = {
  queued: 'queued',
  in_progress: 'running',
  completed: 'completed',
  failed: 'failed',
  canceled: 'cancelled',
  cancelled: 'cancelled',
};

export const openaiRawStatus = (phase: Phase): string => RAW_BY_PHASE[phase];
export const openaiPhaseOfRaw = (raw: string): Phase | null => PHASE_BY_RAW[raw] ?? null;

export function runState(run: OpenAIRun, now: number): { state: LifecycleState; status: string } {
  const forced = run.sim.forcedStatus;
  const state = effectiveState(run.sim, now, forced === null ? null : openaiPhaseOfRaw(forced));
  return { state, status: forced ?? openaiRawStatus(state.phase) };
}

export function evalObject(record: OpenAIEval) {
  return {
    object: 'eval',
    id: record.id,
    name: record.name,
    data_source_config: record.dataSourceConfig,
    testing_criteria: record.testingCriteria,
    created_at: unixSeconds(record.createdAt),
    metadata: record.metadata,
  };
}

/** How many samples have been graded by now. */
export function finishedSamples(run: OpenAIRun, state: LifecycleState): number {
  return state.phase === 'completed' ? run.scores.length : Math.floor(state.progress * run.scores.length);
}

function runError(state: LifecycleState) {
  if (state.phase === 'failed') return { code: 'run_failed', message: 'The run failed (simulated by the emulator).' };
  if (state.phase === 'timed_out') return { code: 'timeout', message: 'The run timed out (simulated by the emulator).' };
  return null;
}

export function runObject(run: OpenAIRun, evalRecord: OpenAIEval | undefined, now: number, origin: string) {
  const { state, status } = runState(run, now);
  const graded = run.scores.slice(0, finishedSamples(run, state));
  const passed = graded.filter((score) => score >= PASS_THRESHOLD).length;
  const failed = graded.length - passed;
  const criteria = evalRecord?.testingCriteria ?? [];
  return {
    object: 'eval.run',
    id: run.id,
    eval_id: run.evalId,
    status,
    model: run.model,
    name: run.name,
    created_at: unixSeconds(run.sim.createdAt),
    report_url: `${origin}/evaluations/${run.evalId}?run_id=${run.id}`,
    // result_counts sums exactly what the output items show; nothing errors in the emulator.
    result_counts: { total: graded.length, errored: 0, failed, passed },
    // Null until something is graded, as every queued/canceled example shows (QUIRKS OPENAI-3).
    per_model_usage:
      graded.length === 0
        ? null
        : [
            {
              model_name: run.model,
              invocation_count: graded.length,
              prompt_tokens: graded.length * 120,
              completion_tokens: graded.length * 30,
              total_tokens: graded.length * 150,
              cached_tokens: 0,
            },
          ],
    per_testing_criteria_results:
      graded.length === 0 ? null : criteria.map((criterion) => ({ testing_criteria: String(criterion.name ?? criterion.type), passed, failed })),
    data_source: run.dataSource,
    metadata: run.metadata,
    error: runError(state),
  };
}

export interface OutputItem {
  object: 'eval.run.output_item';
  id: string;
  [key: string]: unknown;
}

export function outputItems(run: OpenAIRun, evalRecord: OpenAIEval | undefined, now: number): OutputItem[] {
  const { state } = runState(run, now);
  const criteria = evalRecord?.testingCriteria ?? [];
  return run.scores.slice(0, finishedSamples(run, state)).map((score, index) => {
    const passed = score >= PASS_THRESHOLD;
    return {
      object: 'eval.run.output_item',
      id: openaiOutputItemId(run.id, index),
      run_id: run.id,
      eval_id: run.evalId,
      created_at: unixSeconds(run.sim.createdAt),
      status: passed ? 'pass' : 'fail',
      datasource_item_id: index,
      datasource_item: {},
      results: criteria.map((criterion) => ({
        name: String(criterion.name ?? criterion.type),
        type: String(criterion.type),
        score,
        passed,
      })),
      sample: {
        input: [],
        output: [{ role: 'assistant', content: `simulated answer ${index + 1}` }],
        finish_reason: 'stop',
        model: run.model,
        usage: { total_tokens: 150, completion_tokens: 30, prompt_tokens: 120, cached_tokens: 0 },
        error: null,
        temperature: 1,
        max_completion_tokens: 2048,
        top_p: 1,
        seed: 42,
      },
    };
  });
}
