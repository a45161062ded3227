import { ConflictError, isTerminal, type EvalClient, type Evaluation, type EvaluationStatus } from '@evalgate/core';
import type { Logger } from '../ports.js';

export type RemoteCancelOutcome =
  | { kind: 'cancelled'; evaluation: Evaluation }
  | { kind: 'already-finished'; status?: EvaluationStatus }
  | { kind: 'unsupported'; reason: string }
  | { kind: 'failed'; reason: string };

/**
 * Cancels at the provider where it can; never throws (it runs while the job is being torn down). `evaluation` is the
 * latest read: one already terminal is not cancelled, and is not said to keep running.
 */
export async function cancelRemote(client: EvalClient, id: string, logger: Logger, evaluation?: Evaluation): Promise<RemoteCancelOutcome> {
  if (evaluation && isTerminal(evaluation.status)) return { kind: 'already-finished', status: evaluation.status };
  if (!client.capabilities.cancel) {
    const reason = `${client.provider} has no cancel operation; evaluation ${id} keeps running at the provider until it finishes`;
    logger.warning(reason);
    return { kind: 'unsupported', reason };
  }
  if (evaluation && !evaluation.capabilities.canCancel) {
    const reason = `${client.provider} cannot cancel evaluation ${id} (client-driven)`;
    logger.warning(reason);
    return { kind: 'unsupported', reason };
  }
  try {
    // No abort signal: this runs after the job's signal fired. A short budget: the runner kills us soon.
    const cancelled = await client.cancel(id, { timeoutMs: 10_000, maxRetries: 2 });
    logger.info(`Cancelled ${client.provider} evaluation ${id}.`);
    return { kind: 'cancelled', evaluation: cancelled };
  } catch (error) {
    if (error instanceof ConflictError) return { kind: 'already-finished' };
    const reason = `Could not cancel ${client.provider} evaluation ${id}: ${(error as Error).message}`;
    logger.warning(reason);
    return { kind: 'failed', reason };
  }
}

/** One clause for the log and the check: what became of the evaluation at the provider. */
export function describeRemoteCancel(outcome: RemoteCancelOutcome, provider: string, id: string): string {
  if (outcome.kind === 'cancelled') return `evaluation ${id} was cancelled at ${provider}`;
  if (outcome.kind === 'already-finished') return `evaluation ${id} had already finished${outcome.status ? ` (${outcome.status})` : ''}`;
  return outcome.reason;
}
