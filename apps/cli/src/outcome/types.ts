import type { Evaluation, ProviderName } from '@evalgate/core';
import type { Gate, RunStatus } from '@evalgate/gate';
import type { ExitCode } from '../exit-codes.js';

// The gate's one status vocabulary: the CLI's outputs use the same words as the Action's.
export type { Gate, RunStatus };

export interface Thresholds {
  minAvgScore?: number;
  minMinScore?: number;
}

/** One threshold checked against the evaluation: one JUnit test case. */
export interface Criterion {
  /** The setting's name, e.g. `min-avg-score`. */
  input: string;
  outcome: 'pass' | 'fail' | 'skipped';
  /** The threshold, when the criterion has one number. */
  threshold?: number;
  detail: string;
}

/** What every output format renders: how the run ended, the gate, why, and the exit code. */
export interface Outcome {
  provider: ProviderName;
  status: RunStatus;
  /** Absent when the run stopped before an evaluation existed. */
  evaluation?: Evaluation;
  gate: Gate;
  criteria: Criterion[];
  /** One line per reason the gate is not a plain pass. */
  reasons: string[];
  exitCode: ExitCode;
  /** How long the command ran, in ms. */
  durationMs: number;
  /** When the command started (ms since epoch). */
  startedAt: number;
  /** The Markdown summary, when a renderer of the gate made it; otherwise output/markdown.ts renders one. */
  markdown?: string;
  /** The same with the histogram and trend at full size, for a --summary file. */
  fullMarkdown?: string;
}
