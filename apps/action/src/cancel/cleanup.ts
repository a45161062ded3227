import { isTerminal, type EvalClient } from '@evalgate/core';
import type { Clock, Logger } from '../deps.js';
import { cancelRemote, describeRemoteCancel, escapeText, findLostCreate, type PendingCreate } from '@evalgate/gate';
import type { GitHubPort } from '../github/port.js';

export interface LeftoverState {
  evaluationId?: string;
  /** A create the main step sent but never saw answered. */
  pendingCreate?: PendingCreate;
  checkRunId?: number;
  /** Where to look for the check when the main step died before saving its id. */
  sha?: string;
  checkName?: string;
}

export interface CleanupDeps {
  client?: EvalClient;
  github?: GitHubPort;
  logger: Logger;
  clock: Clock;
  state: LeftoverState;
}

/**
 * The post step: the main step was killed before it finished, so cancel the remote evaluation where the provider
 * can, and complete the check as cancelled rather than leave it in progress forever.
 */
export async function cleanUpAfterMain(deps: CleanupDeps): Promise<void> {
  const { client, github, logger } = deps;
  let state = deps.state;
  let remote = 'no evaluation had been created';
  if (!state.evaluationId && state.pendingCreate && client) {
    const made = await findLostCreate(client, state.pendingCreate.target, state.pendingCreate.since);
    if (made) {
      logger.info(`Post step: the create the main step sent before it stopped did make evaluation ${made.id}.`);
      state = { ...state, evaluationId: made.id };
    } else {
      remote = `no evaluation from the unanswered create was found at ${client.provider}`;
    }
  }
  if (state.evaluationId && client) {
    const current = await client.get(state.evaluationId, { timeoutMs: 10_000, maxRetries: 2 }).catch(() => undefined);
    if (current && isTerminal(current.status)) {
      remote = `evaluation ${state.evaluationId} had already ended as ${current.status}`;
    } else {
      const outcome = await cancelRemote(client, state.evaluationId, logger, current);
      remote = describeRemoteCancel(outcome, client.provider, state.evaluationId);
    }
  }
  logger.info(`Post step: ${remote}.`);
  if (!github) return;
  const checkRunId = state.checkRunId ?? (await findLeftoverCheck(github, state, logger));
  if (checkRunId === undefined) return;
  try {
    await github.updateCheck(checkRunId, {
      status: 'completed',
      conclusion: 'cancelled',
      completedAt: new Date(deps.clock.now()).toISOString(),
      // `remote` can quote provider text (a cancel error): escaped like every provider string on GitHub.
      output: { title: 'Cancelled', summary: `The job stopped before the evaluation finished; ${escapeText(remote)}.` },
    });
    logger.info(`Completed check run ${checkRunId} as cancelled.`);
  } catch (error) {
    logger.warning(`Could not complete check run ${checkRunId}: ${(error as Error).message}`);
  }
}

/** The check is created before its id is saved; a kill in between leaves only the evaluation id to go by. */
async function findLeftoverCheck(github: GitHubPort, state: LeftoverState, logger: Logger): Promise<number | undefined> {
  if (!state.evaluationId || !state.sha || !state.checkName) return undefined;
  try {
    const checks = await github.findChecks(state.sha, state.checkName);
    return checks.find((check) => check.externalId === state.evaluationId && check.status !== 'completed')?.id;
  } catch (error) {
    logger.warning(`Could not look for the check run of ${state.evaluationId}: ${(error as Error).message}`);
    return undefined;
  }
}
