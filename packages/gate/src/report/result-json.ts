import type { Evaluation, ProviderName } from '@evalgate/core';
import type { Baseline, BaselineLookup, Verdict } from '../verdict/types.js';
import type { FinalReport } from './model.js';
import { safeId, safeUrl } from './escape.js';
import { hasPartialScores, type RunStatus } from '../status.js';

/** The `result-json` output: versioned so workflows can parse it safely as it grows. */
export interface ResultJson {
  version: 1;
  evaluationId: string | null;
  provider: ProviderName;
  status: RunStatus;
  rawStatus: string | null;
  gate: Verdict['gate'];
  conclusion: Verdict['conclusion'];
  /** The result's scores: only for a completed evaluation. */
  scores: ScoresJson | null;
  /** Scores over the items done before an evaluation that did not complete stopped; never the result. */
  partialScores: ScoresJson | null;
  baseline: { source: Baseline['source']; description: string; evaluationId: string | null; avg: number; delta: number } | null;
  baselineNote: string;
  criteria: Verdict['criteria'];
  reasons: string[];
  reportUrl: string | null;
  checkRunId: number | null;
  reattached: boolean;
  sha: string;
}

type ScoresJson = { avg: number; min: number; max: number; count: number; passRate: number | null };

export interface ResultJsonInput {
  provider: ProviderName;
  evaluation?: Evaluation;
  verdict: Verdict;
  baseline: BaselineLookup;
  checkRunId?: number;
  reattached: boolean;
  sha: string;
  status: RunStatus;
}

export function buildResultJson(input: ResultJsonInput): ResultJson {
  const { evaluation, verdict, baseline } = input;
  const all = evaluation?.scores;
  const partial = hasPartialScores(input.status, evaluation);
  const scores = input.status === 'completed' ? all : undefined;
  const json = (value: NonNullable<typeof all>): ScoresJson => ({
    avg: value.avg,
    min: value.min,
    max: value.max,
    count: value.count,
    passRate: value.passRate ?? null,
  });
  const base = baseline.baseline;
  return {
    version: 1,
    evaluationId: safeId(evaluation?.id) ?? null,
    provider: input.provider,
    status: input.status,
    rawStatus: evaluation?.rawStatus ?? null,
    gate: verdict.gate,
    conclusion: verdict.conclusion,
    scores: scores ? json(scores) : null,
    partialScores: partial && all ? json(all) : null,
    baseline:
      base && scores
        ? {
            source: base.source,
            description: base.description,
            evaluationId: base.evaluationId ?? null,
            avg: base.scores.avg,
            delta: scores.avg - base.scores.avg,
          }
        : null,
    baselineNote: baseline.note,
    criteria: verdict.criteria,
    reasons: verdict.reasons,
    // Workflows read these back and may interpolate them: only safe values (outputs.ts warns about dropped ones).
    reportUrl: safeUrl(evaluation?.reportUrl) ?? null,
    checkRunId: input.checkRunId ?? null,
    reattached: input.reattached,
    sha: input.sha,
  };
}

/** The result JSON of a finished run; `checkRunId` is the Action's (the CLI has none). */
export function resultJsonOf(report: FinalReport, host: { checkRunId?: number } = {}): ResultJson {
  return buildResultJson({
    provider: report.provider,
    ...(report.evaluation ? { evaluation: report.evaluation } : {}),
    verdict: report.verdict,
    baseline: report.baseline,
    ...(host.checkRunId !== undefined ? { checkRunId: host.checkRunId } : {}),
    reattached: report.reattached,
    sha: report.sha,
    status: report.status,
  });
}
