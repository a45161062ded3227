// A pull request from a fork, run by `on: pull_request`, gets no secrets: there is no api-key to evaluate with.
// That is GitHub protecting the key, not a failure of the PR, so the step ends skipped rather than red.
import { skippedOutputValues } from '@evalgate/gate';
import type { ActionSink, Logger } from '../deps.js';
import type { RunContext } from './event.js';

/** Why this run cannot evaluate, when it is a fork PR without an api-key; undefined otherwise. */
export function forkWithoutSecretsReason(context: RunContext, apiKey: string): string | undefined {
  if (!context.isFork || apiKey.trim() !== '') return undefined;
  return (
    `evalgate skipped: pull request #${context.prNumber ?? '?'} comes from a fork, and GitHub gives no secrets to workflows ` +
    'that run for fork pull requests, so api-key is empty and nothing was evaluated. A maintainer can run the gate after ' +
    'review (e.g. workflow_dispatch or a push to a branch of this repository); do not use pull_request_target to check ' +
    'out and run fork code with secrets (see SECURITY.md).'
  );
}

/** The step's outputs (all of them: status "skipped", gate "inconclusive") and summary for a skipped fork PR; no check run. */
export async function reportForkSkip(reason: string, sink: ActionSink, logger: Logger): Promise<void> {
  logger.warning(reason);
  for (const [name, value] of Object.entries(skippedOutputValues(reason))) sink.setOutput(name, value);
  try {
    await sink.appendSummary(`### evalgate: skipped (fork pull request)\n\n${reason}\n`);
  } catch (error) {
    logger.warning(`Could not write the job summary: ${(error as Error).message}`);
  }
}
