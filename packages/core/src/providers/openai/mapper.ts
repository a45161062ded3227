import { isTerminal, type Evaluation, type Scores, type TokenUsage } from '../../domain/evaluation.js';
import { lookupStatus } from '../status-table.js';
import { OPENAI_STATUS_TABLE } from './statuses.js';
import { definedOnly, stringRecord, toDate } from '../wire-helpers.js';
import { joinRunId } from './ids.js';
import { openAIRerunRequest } from './rerun.js';
import type { OpenAIRunWire } from './wire.js';

/**
 * passRate = passed / total from `result_counts`. Errored items count as not passed: a gate must not get
 * greener because items crashed. No passRate when total is 0.
 */
export function passRate(run: OpenAIRunWire): number | undefined {
  const total = run.result_counts?.total ?? 0;
  const passed = run.result_counts?.passed ?? 0;
  return total > 0 ? Math.min(1, Math.max(0, passed / total)) : undefined;
}

export function mapUsage(run: OpenAIRunWire): TokenUsage[] | undefined {
  const usage = run.per_model_usage?.map(
    (entry) =>
      ({
        model: entry.model_name,
        promptTokens: entry.prompt_tokens ?? 0,
        completionTokens: entry.completion_tokens ?? 0,
        totalTokens: entry.total_tokens ?? 0,
        ...definedOnly({ cachedTokens: entry.cached_tokens ?? undefined, invocations: entry.invocation_count ?? undefined }),
      }) satisfies TokenUsage,
  );
  return usage && usage.length > 0 ? usage : undefined;
}

/**
 * Maps a run. `itemScores` are the aggregated output-item grader scores (only fetched once the run is terminal);
 * without them there are no `scores`, even when a passRate is known, because Scores needs avg/min/max. The pass rate
 * comes from `result_counts` when it has a total, else from the output items' `passed` flags.
 */
export function mapOpenAIRun(run: OpenAIRunWire, itemScores?: Scores): Evaluation {
  const status = lookupStatus(OPENAI_STATUS_TABLE, run.status);
  const rate = passRate(run);
  const counts = run.result_counts;
  const done = counts ? (counts.passed ?? 0) + (counts.failed ?? 0) + (counts.errored ?? 0) : undefined;
  const createdAt = toDate(run.created_at);
  const metadata = stringRecord(run.metadata);
  const usage = mapUsage(run);
  const scores: Scores | undefined = itemScores ? { ...itemScores, ...(rate !== undefined ? { passRate: rate } : {}) } : undefined;
  return {
    provider: 'openai',
    id: joinRunId(run.eval_id, run.id),
    name: run.name ?? run.id,
    status,
    rawStatus: run.status,
    // result_counts.total counts graded items so far, not the dataset size, so there is no fraction to report.
    ...(done !== undefined ? { progress: { completed: done } } : {}),
    ...(scores ? { scores } : {}),
    ...(run.report_url ? { reportUrl: run.report_url } : {}),
    ...(createdAt ? { createdAt } : {}),
    capabilities: { canCancel: !isTerminal(status), canFinalize: false, canRerun: isTerminal(status) && openAIRerunRequest(run) !== undefined },
    ...(metadata ? { metadata } : {}),
    ...(run.model ? { model: run.model } : {}),
    ...(usage ? { usage } : {}),
    ...(run.error?.message ? { errorMessage: run.error.message } : {}),
  };
}
