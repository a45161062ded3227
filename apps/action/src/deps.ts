// What run() needs from the outside world, passed in so it runs the same against fakes and the real runner.
import type { EvalClient } from '@evalgate/core';
import type { RunContext } from './github/event.js';
import type { GitHubPort } from './github/port.js';
import type { ActionInputs } from './inputs/types.js';
import type { Redact } from './redact.js';

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

/** Where results go: step outputs, job summary and state for the post step. */
export interface ActionSink {
  setOutput(name: string, value: string): void;
  appendSummary(markdown: string): Promise<void>;
  saveState(name: string, value: string): void;
}

export interface Files {
  read(path: string): Promise<string>;
  /** Creates missing parent folders. */
  write(path: string, content: string): Promise<void>;
}

export interface RunDeps {
  inputs: ActionInputs;
  context: RunContext;
  client: EvalClient;
  /** Absent when there is no token: the result then only goes to the summary and outputs. */
  github?: GitHubPort;
  logger: Logger;
  clock: Clock;
  sink: ActionSink;
  files: Files;
  /** Aborts when the workflow is cancelled (SIGINT/SIGTERM). */
  signal: AbortSignal;
  /** The one redactor, built in main(): run() passes every string it sends out through it. */
  redact: Redact;
}

/** Names of the state the post step reads. */
export const STATE = {
  evaluationId: 'evaluation-id',
  checkRunId: 'check-run-id',
  completed: 'completed',
  /** JSON PendingCreate while a create is unanswered (evaluation/lost-create.ts); empty once answered. */
  pendingCreate: 'pending-create',
} as const;
