// What run() needs from the outside world, passed in so it runs the same against fakes and the real runner.
import type { EvalClient } from '@evalgate/core';
import type { Clock, Files, Logger, Redact } from '@evalgate/gate';
import type { RunContext } from './github/event.js';
import type { GitHubPort } from './github/port.js';
import type { ActionInputs } from './inputs/types.js';

export type { Clock, Files, Logger } from '@evalgate/gate';

/** Where results go: step outputs, job summary and state for the post step. */
export interface ActionSink {
  setOutput(name: string, value: string): void;
  appendSummary(markdown: string): Promise<void>;
  saveState(name: string, value: string): void;
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
  /** Aborts when the workflow is cancelled (SIGINT/SIGTERM) or timeout-minutes pass. */
  signal: AbortSignal;
  /** The one redactor, built in main(): run() passes every string it sends out through it. */
  redact: Redact;
}
