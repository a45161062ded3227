// The Action's run: the gate (@evalgate/gate) wired to GitHub. main.ts wires it to the runner; tests to fakes.
import { runGate, type Conclusion, type Gate, type ResultJson, type RunStatus } from '@evalgate/gate';
import type { RunDeps } from './deps.js';
import { gateContextOf } from './github/event.js';
import { CheckRunLookups } from './github/check-run-lookups.js';
import { GitHubReporter } from './publish/github-reporter.js';
import { withRedactedExits } from './redacting-exits.js';

export interface RunOutcome {
  status: RunStatus;
  gate: Gate;
  conclusion: Conclusion;
  /** The step should fail (gate failed with fail-on: failure, timed out, cancelled or errored). */
  failed: boolean;
  /** One line for the log / setFailed. */
  message: string;
  /** The result-json output. */
  result: ResultJson;
}

export async function run(runnerDeps: RunDeps): Promise<RunOutcome> {
  // Every string that leaves from here on (check, comment, summary, outputs, badge, log) passes the one redactor.
  const deps = withRedactedExits(runnerDeps);
  const { inputs, context, logger, redact, sink } = deps;
  const lookups =
    deps.github &&
    new CheckRunLookups({ github: deps.github, context, checkName: inputs.checkName, logger, warn: (message) => logger.warning(redact(message)) });
  const reporter = new GitHubReporter({ ...deps, ...(lookups ? { lookups } : {}) });
  const outcome = await runGate({
    settings: inputs,
    context: gateContextOf(context),
    client: deps.client,
    logger,
    clock: deps.clock,
    files: deps.files,
    state: { save: (name, value) => sink.saveState(name, value) },
    reporter,
    signal: deps.signal,
    redact,
    ...(lookups ? { earlierRuns: lookups, baselineTrust: lookups } : {}),
    cleanupStep: 'the post step',
    cancelCause: 'The workflow was cancelled',
  });
  const { status, gate, conclusion, failed, message } = outcome;
  return { status, gate, conclusion, failed, message, result: reporter.result ?? outcome.result };
}
