// Everything the gate needs from its host, in one place. A front end (the GitHub Action, the CLI) implements these
// and passes them to runGate(); the gate itself knows no CI system, no terminal and no process.
import type { EvalClient, Evaluation } from '@evalgate/core';
import type { Redact } from './redact.js';
import type { FinalReport } from './report/model.js';
import type { GateSettings } from './settings/types.js';

export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  debug(message: string): void;
}

export interface Clock {
  /** ms since epoch. */
  now(): number;
  /** Resolves after `ms`; rejects when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface Files {
  read(path: string): Promise<string>;
  /** Creates missing parent folders. */
  write(path: string, content: string): Promise<void>;
}

/** Names of the state the gate saves while it runs, so a cleanup after a kill knows what was left behind. */
export const STATE = {
  evaluationId: 'evaluation-id',
  /** Saved by the Action's reporter: the check run to complete if the main step dies. */
  checkRunId: 'check-run-id',
  /** 'true' once the result is published and nothing is left to clean up; 'false' while the run is under way. */
  completed: 'completed',
  /** JSON PendingCreate while a create is unanswered (evaluation/lost-create.ts); empty once answered. */
  pendingCreate: 'pending-create',
} as const;

export type StateName = (typeof STATE)[keyof typeof STATE];

/**
 * Where the gate records what a cleanup step would need (the Action's post step reads it back). A host without a
 * cleanup step (the CLI cancels in-process) may keep it in memory.
 */
export interface StateStore {
  save(name: StateName, value: string): void;
}

/**
 * Which code, on which revision, triggered the run. Neutral: the Action maps its event into it, the CLI its CI's
 * variables or git. `eventName` is tagged on the evaluation; only the events in TRUSTED_BASELINE_EVENTS
 * (push, workflow_dispatch, schedule) make an evaluation a baseline for later runs.
 */
export interface RunContext {
  /** `owner/name` of the repository (or any stable project path). */
  repository: string;
  /** What started the run: `pull_request`, `push`, `workflow_dispatch`, `schedule`, `manual`, … */
  eventName: string;
  /** The revision being judged: a pull request's head commit, never a merge commit. */
  sha: string;
  /** Branch of that revision, when known. */
  ref?: string;
  /** The branch a pull request merges into: where the baseline comes from. */
  baseRef?: string;
  prNumber?: number;
  /** The change comes from a fork: its token (if any) is read-only and secrets may be absent. */
  isFork: boolean;
  /** The CI run: a re-run keeps the id and counts up the attempt. Together they form the run key (runAttemptKey). */
  runId?: string;
  runAttempt?: string;
  /** Link to the CI run, for the summary. */
  runUrl?: string;
}

/** An earlier run of this check on this revision that a host knows of (the Action: a check run). */
export interface EarlierRun {
  /** The host's own id of it (the Action: the check run id); handed back in `Reporter.started`. */
  id: string;
  /** The evaluation it reported on, when it got that far. */
  evaluationId?: string;
}

export interface EarlierRunsOfRevision {
  /** This check's earlier runs on this revision, newest first. */
  runs: EarlierRun[];
  /**
   * False only when the host has proof that no evaluation of this revision exists that `runs` does not point at
   * (the Action: every check run of the commit was read and none carries an evaluation id, on a first attempt).
   * True sends the gate to list the provider's evaluations.
   */
  providerSearchNeeded: boolean;
}

/** Earlier runs a host can find on its own (the Action: through check runs); without it the gate asks the provider. */
export interface EarlierRuns {
  /** Never throws: a failed lookup returns no runs and `providerSearchNeeded: true`. */
  ofRevision(): Promise<EarlierRunsOfRevision>;
}

/** A completed evaluation on the base branch that the host vouches was made by trusted code. */
export interface BaselineCandidate {
  evaluationId: string;
  /** Human wording of where it came from, e.g. `the "evalgate" check on main`. */
  source: string;
  /**
   * The host's record itself proves who made it (the Action: a check run on the base branch's head, which only this
   * repository's token can write). Needed for a provider that keeps no tags; elsewhere the tags must say so too.
   */
  hostVouches: boolean;
}

/** Baselines a host can find on its own (the Action: through the base branch's check runs). Optional. */
export interface BaselineTrust {
  /** Newest first. Never throws: a failed lookup warns and returns none. */
  candidates(baseRef: string): Promise<BaselineCandidate[]>;
}

/** Where a run shows up while it runs and when it ends. The Action: check run, comment, summary, outputs, badge. */
export interface Reporter {
  /**
   * The evaluation exists (created now, or re-attached to `earlier`); the host shows it as in progress.
   * `superseded`: the host's other earlier runs of this revision (not re-attached to), which it may close.
   */
  started(evaluation: Evaluation, info: { earlier?: EarlierRun; superseded: EarlierRun[] }): Promise<void>;
  /** A poll answered; hosts throttle their own updates. Must not throw or block. */
  progress(evaluation: Evaluation): void;
  /**
   * The run ended (any way). `settle()` marks the run finished for a cleanup step (STATE.completed): call it as soon as
   * the primary result is durable (the Action: the check run completed); the gate calls it after `finished` returns.
   */
  finished(report: FinalReport, settle: () => void): Promise<void>;
}

/** Everything runGate() needs, passed in so it runs the same against fakes, the Action's runner and a terminal. */
export interface GateDeps {
  settings: GateSettings;
  context: RunContext;
  client: EvalClient;
  logger: Logger;
  clock: Clock;
  files: Files;
  state: StateStore;
  reporter: Reporter;
  /** Aborts on cancel (SIGINT/SIGTERM) or when timeout-minutes pass (see deadline.ts): every request stops. */
  signal: AbortSignal;
  /** The one redactor, built by the adapter's main(): every message the gate builds from errors passes it. */
  redact: Redact;
  earlierRuns?: EarlierRuns;
  baselineTrust?: BaselineTrust;
  /**
   * What the host calls its step that finishes what a killed run left, reading the StateStore (the Action: "the post
   * step"); without one, an unanswered create is reported as unknown.
   */
  cleanupStep?: string;
  /** How the host says a cancel reached it (the Action: "The workflow was cancelled"); by default "Cancelled". */
  cancelCause?: string;
}
