import type { Scores } from '@evalgate/core';
import type { Trend } from '../report/trend.js';
import type { Conclusion, Gate } from '../status.js';

/** What the run is compared against. */
export interface Baseline {
  source: 'base-branch' | 'comparison';
  /** Human wording, e.g. "latest completed evaluation on main (ev_12)". */
  description: string;
  evaluationId?: string;
  scores: Scores;
}

/** Why no baseline is used; printed so nobody wonders. */
export interface BaselineLookup {
  baseline?: Baseline;
  note: string;
  /** The base branch's recent evaluations the search came across, oldest first (the baseline among them). */
  trend?: Trend;
}

export interface Criterion {
  input: 'min-avg-score' | 'min-min-score' | 'max-regression';
  outcome: 'pass' | 'fail' | 'skipped';
  detail: string;
}

export interface Verdict {
  gate: Gate;
  conclusion: Conclusion;
  criteria: Criterion[];
  /** One line per reason the gate is not a plain pass. */
  reasons: string[];
  /** avg minus the baseline's avg. */
  delta?: number;
}
