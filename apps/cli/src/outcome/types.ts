import type { Evaluation } from '@evalgate/core';
import type { ExitCode } from '../exit-codes.js';

export type Gate = 'pass' | 'fail' | 'inconclusive';

export interface Thresholds {
  minAvgScore?: number;
  minMinScore?: number;
}

/** One threshold checked against the evaluation: one JUnit test case. */
export interface Criterion {
  setting: 'min-avg-score' | 'min-min-score';
  outcome: 'pass' | 'fail';
  threshold: number;
  actual: number;
  detail: string;
}

/** What every output format renders: the evaluation, the gate, why, and the exit code. */
export interface Outcome {
  evaluation: Evaluation;
  gate: Gate;
  criteria: Criterion[];
  /** One line per reason the gate is not a plain pass. */
  reasons: string[];
  exitCode: ExitCode;
  /** How long the command waited, in ms. */
  durationMs: number;
  /** When the command started (ms since epoch). */
  startedAt: number;
}
