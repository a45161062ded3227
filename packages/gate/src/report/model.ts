import type { Evaluation, ProviderName } from '@evalgate/core';
import type { RunStatus } from '../status.js';
import type { SampleScores } from './sample-scores.js';
import type { BaselineLookup, Verdict } from '../verdict/types.js';

/** Everything a finished run reports, in every place it reports it (the Markdown summary renders it). */
export interface RunReport {
  checkName: string;
  status: RunStatus;
  evaluation: Evaluation;
  verdict: Verdict;
  baseline: BaselineLookup;
  /** The evaluation came from an earlier attempt of this job, or a sibling job sharing it. */
  reattached: boolean;
  /** Warnings worth showing next to the result, e.g. why no check run was posted. */
  notes: string[];
  runUrl?: string;
  sampleScores?: SampleScores;
  /** `compact` (check run, PR comment): one-line pictures; `full` (job summary): the full-size ones. Default compact. */
  pictures?: 'compact' | 'full';
}

/** How a run ended, however it ended: what runGate() hands the Reporter and the renderers. */
export interface FinalReport {
  checkName: string;
  provider: ProviderName;
  /** The revision judged. */
  sha: string;
  /** How the run ended; one vocabulary for the title, heading, outputs and result JSON (status.ts). */
  status: RunStatus;
  /** Absent when the run stopped before an evaluation existed. */
  evaluation?: Evaluation;
  verdict: Verdict;
  baseline: BaselineLookup;
  reattached: boolean;
  /** Set when the gate itself could not finish (bad settings, an API error); replaces the result summary. */
  errorMessage?: string;
  /** Nothing is left for a cleanup step (false: a create went unanswered or a cancel failed). */
  settled: boolean;
  /** Link to the CI run, for the summary. */
  runUrl?: string;
  /** Per-sample scores of a completed evaluation, for the histogram; absent when they could not be read. */
  sampleScores?: SampleScores;
}
