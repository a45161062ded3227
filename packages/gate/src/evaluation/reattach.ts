import type { EvalClient, Evaluation } from '@evalgate/core';
import type { EarlierRun, EarlierRuns, Logger, RunContext } from '../ports.js';
import { MARKER_KEY, hasTags } from '../tags.js';
import { scanForEvaluation } from './scan.js';

/**
 * How far back an evaluation of this commit can have been created: GitHub re-runs a workflow up to 30 days after it
 * ran, and a job runs for at most 6 hours; a day of margin for clock drift. Prime does not document its list order
 * (QUIRKS PRIME-3): scan.ts reads any order, bounded (SCAN_LIMIT), and stops early only on a newest-first list.
 */
export const REATTACH_WINDOW_MS = 31 * 24 * 3_600_000;

export interface Reattachment {
  evaluation: Evaluation;
  /** The host's earlier run it was found through, when it was. */
  earlier?: EarlierRun;
  via: 'host' | 'metadata';
}

export interface ReattachDeps {
  client: EvalClient;
  earlierRuns?: EarlierRuns;
  context: RunContext;
  fingerprint: string;
  /** Client-driven (pushed samples) evaluations are only reused once completed: a half push cannot be resumed. */
  onlyCompleted: boolean;
  /** OpenAI: the eval whose runs are searched. */
  evalId?: string;
  /** ms since epoch, now. */
  now: number;
  logger: Logger;
  signal?: AbortSignal;
}

const DEAD = new Set(['failed', 'cancelled', 'timed_out']);

function reusable(evaluation: Evaluation, deps: ReattachDeps): boolean {
  if (DEAD.has(evaluation.status)) return false;
  if (deps.onlyCompleted && evaluation.status !== 'completed') return false;
  const config = evaluation.metadata?.[MARKER_KEY] === '1' ? evaluation.metadata.evalgate_config : undefined;
  return config === undefined || config === deps.fingerprint;
}

/**
 * Finds an evaluation an earlier attempt of this job created for the same revision and config: first through the
 * host's record of earlier runs (the Action: this commit's check runs, whose external id is the evaluation id; works
 * for every provider), then through provider metadata — a list request, made only when the host cannot rule out an
 * evaluation none of its runs points at. `earlier` is every earlier run the host knows of, for it to supersede.
 */
export async function findReattachment(deps: ReattachDeps): Promise<{ found?: Reattachment; earlier: EarlierRun[] }> {
  const lookup = deps.earlierRuns ? await deps.earlierRuns.ofRevision() : { runs: [], providerSearchNeeded: true };
  const found = (await viaHost(deps, lookup.runs)) ?? (lookup.providerSearchNeeded ? await viaMetadata(deps) : undefined);
  return found ? { found, earlier: lookup.runs } : { earlier: lookup.runs };
}

async function viaHost(deps: ReattachDeps, runs: EarlierRun[]): Promise<Reattachment | undefined> {
  for (const earlier of runs) {
    if (!earlier.evaluationId) continue;
    try {
      const evaluation = await deps.client.get(earlier.evaluationId, deps.signal ? { signal: deps.signal } : {});
      if (reusable(evaluation, deps)) return { evaluation, earlier, via: 'host' };
    } catch (error) {
      deps.logger.debug(`Earlier run ${earlier.id} points at ${earlier.evaluationId}, which cannot be read: ${(error as Error).message}`);
    }
  }
  return undefined;
}

async function viaMetadata(deps: ReattachDeps): Promise<Reattachment | undefined> {
  // Without metadata on the provider's side (Nugen) there is nothing to search for; the host's record is the way back.
  if (!deps.client.capabilities.metadata) return undefined;
  const expected = {
    evalgate_repo: deps.context.repository,
    evalgate_sha: deps.context.sha,
    evalgate_config: deps.fingerprint,
  };
  try {
    const found = await scanForEvaluation(deps.client, (evaluation) => hasTags(evaluation, expected) && reusable(evaluation, deps), {
      notBefore: deps.now - REATTACH_WINDOW_MS,
      ...(deps.evalId ? { evalId: deps.evalId } : {}),
      ...(deps.signal ? { signal: deps.signal } : {}),
    });
    if (found) return { evaluation: found, via: 'metadata' };
  } catch (error) {
    deps.logger.debug(`Could not search ${deps.client.provider} for an earlier evaluation: ${(error as Error).message}`);
  }
  return undefined;
}
