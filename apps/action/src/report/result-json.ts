import type { Evaluation } from '@evalgate/core';
import type { BaselineLookup, Verdict } from '../gate/types.js';

/** The `result-json` output: versioned so workflows can parse it safely as it grows. */
export interface ResultJson {
  version: 1;
  evaluationId: string | null;
  provider: string;
  status: string;
  rawStatus: string | null;
  gate: Verdict['gate'];
  conclusion: Verdict['conclusion'];
  scores: { avg: number; min: number; max: number; count: number; passRate: number | null } | null;
  baseline: { source: string; description: string; evaluationId: string | null; avg: number; delta: number } | null;
  baselineNote: string;
  criteria: Verdict['criteria'];
  reasons: string[];
  reportUrl: string | null;
  checkRunId: number | null;
  reattached: boolean;
  sha: string;
}

export interface ResultJsonInput {
  provider: string;
  evaluation?: Evaluation;
  verdict: Verdict;
  baseline: BaselineLookup;
  checkRunId?: number;
  reattached: boolean;
  sha: string;
  /** Overrides the status, e.g. `error` when the action failed before a terminal status. */
  status?: string;
}

export function buildResultJson(input: ResultJsonInput): ResultJson {
  const { evaluation, verdict, baseline } = input;
  const scores = evaluation?.scores;
  const base = baseline.baseline;
  return {
    version: 1,
    evaluationId: evaluation?.id ?? null,
    provider: input.provider,
    status: input.status ?? evaluation?.status ?? 'error',
    rawStatus: evaluation?.rawStatus ?? null,
    gate: verdict.gate,
    conclusion: verdict.conclusion,
    scores: scores
      ? { avg: scores.avg, min: scores.min, max: scores.max, count: scores.count, passRate: scores.passRate ?? null }
      : null,
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
    reportUrl: evaluation?.reportUrl ?? null,
    checkRunId: input.checkRunId ?? null,
    reattached: input.reattached,
    sha: input.sha,
  };
}
