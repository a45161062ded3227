import type { Evaluation } from '@evalgate/core';
import type { BaselineLookup, Verdict } from '../gate/types.js';
import type { RunStatus } from './run-status.js';

/** Everything a finished run reports, in every place it reports it. */
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
}
