import type { EvalClient, Evaluation } from '@evalgate/core';
import type { Logger } from '../deps.js';
import type { RunContext } from '../github/event.js';
import { CHECK_RUNS_PAGE_SIZE, type CheckRun, type GitHubPort } from '../github/port.js';
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
  /** The check run of the earlier attempt, when found through it. */
  checkRun?: CheckRun;
  via: 'check-run' | 'metadata';
}

export interface ReattachDeps {
  client: EvalClient;
  github?: GitHubPort;
  context: RunContext;
  checkName: string;
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
 * Finds an evaluation an earlier attempt of this job created for the same commit and config: first through this
 * commit's check run (`external_id` = evaluation id, works for every provider), then through provider metadata —
 * a list request, made only when the commit's check runs leave room for an evaluation none of them points at.
 */
export async function findReattachment(deps: ReattachDeps): Promise<{ found?: Reattachment; checks: CheckRun[] }> {
  const lookup = await listChecks(deps);
  const checks = lookup.named;
  const found = (await viaCheckRuns(deps, checks)) ?? (providerSearchNeeded(deps, lookup) ? await viaMetadata(deps) : undefined);
  return found ? { found, checks } : { checks };
}

interface CheckLookup {
  /** This commit's check runs of this name, newest first. */
  named: CheckRun[];
  /** Every check run of the commit, when one answer held them all; undefined when unknown. */
  all?: CheckRun[];
}

/**
 * This commit's check runs, read in one request: all of them when they fit one page (the evidence
 * `providerSearchNeeded` weighs), else those of this name in a second request.
 */
async function listChecks(deps: ReattachDeps): Promise<CheckLookup> {
  if (!deps.github) return { named: [] };
  try {
    const all = await deps.github.findChecks(deps.context.sha);
    if (all.length < CHECK_RUNS_PAGE_SIZE) return { named: all.filter((check) => check.name === deps.checkName), all };
    return { named: await deps.github.findChecks(deps.context.sha, deps.checkName) };
  } catch (error) {
    deps.logger.debug(`Could not list the check runs of ${deps.context.sha}: ${(error as Error).message}`);
    return { named: [] };
  }
}

/**
 * Whether an evaluation of this commit and config may exist that no check run points at, so the provider must be
 * listed. Not on a run's first attempt when the commit's check runs were all read and none carries an external id:
 * every evalgate job posts its check (external id = evaluation id) right after its create, so an earlier run's job
 * or a matrix sibling with an evaluation would show there. Otherwise (a re-run, whose earlier attempt may have died
 * before posting; a fork PR, whose token cannot post checks; an unread or long list) it may.
 */
export function providerSearchNeeded(deps: Pick<ReattachDeps, 'context'>, lookup: CheckLookup): boolean {
  if (deps.context.runAttempt !== '1' || deps.context.isFork || lookup.all === undefined) return true;
  return lookup.all.some((check) => check.externalId !== undefined && check.externalId !== '');
}

async function viaCheckRuns(deps: ReattachDeps, checks: CheckRun[]): Promise<Reattachment | undefined> {
  for (const checkRun of checks) {
    if (!checkRun.externalId) continue;
    try {
      const evaluation = await deps.client.get(checkRun.externalId, deps.signal ? { signal: deps.signal } : {});
      if (reusable(evaluation, deps)) return { evaluation, checkRun, via: 'check-run' };
    } catch (error) {
      deps.logger.debug(`Check run ${checkRun.id} points at ${checkRun.externalId}, which cannot be read: ${(error as Error).message}`);
    }
  }
  return undefined;
}

async function viaMetadata(deps: ReattachDeps): Promise<Reattachment | undefined> {
  if (deps.client.provider === 'nugen') return undefined;
  const expected = {
    evalgate_repo: `${deps.context.owner}/${deps.context.repo}`,
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
