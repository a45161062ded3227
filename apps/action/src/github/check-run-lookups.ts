// What only GitHub knows, for the gate: earlier runs of this check on this commit (to re-attach to) and the base
// branch's completed check runs (baselines this repository vouches for), both through check runs.
import type { BaselineCandidate, BaselineTrust, EarlierRun, EarlierRuns, EarlierRunsOfRevision, Logger } from '@evalgate/gate';
import type { RunContext } from './event.js';
import { CHECK_RUNS_PAGE_SIZE, type CheckRun, type GitHubPort } from './port.js';

export interface CheckRunLookupDeps {
  github: GitHubPort;
  context: RunContext;
  checkName: string;
  logger: Logger;
  /** For a failed base-branch lookup. */
  warn: (message: string) => void;
}

export class CheckRunLookups implements EarlierRuns, BaselineTrust {
  private readonly seen = new Map<string, CheckRun>();

  constructor(private readonly deps: CheckRunLookupDeps) {}

  /** The check run behind an earlier run this lookup returned. */
  checkRunOf(run: EarlierRun): CheckRun | undefined {
    return this.seen.get(run.id);
  }

  /**
   * This commit's check runs of this name, read in one request: all of them when they fit one page (the evidence
   * `providerSearchNeeded` weighs), else those of this name in a second request.
   */
  async ofRevision(): Promise<EarlierRunsOfRevision> {
    const { github, context, checkName } = this.deps;
    try {
      const all = await github.findChecks(context.sha);
      if (all.length < CHECK_RUNS_PAGE_SIZE) {
        return { runs: this.remember(all.filter((check) => check.name === checkName)), providerSearchNeeded: providerSearchNeeded(context, all) };
      }
      return { runs: this.remember(await github.findChecks(context.sha, checkName)), providerSearchNeeded: true };
    } catch (error) {
      this.deps.logger.debug(`Could not list the check runs of ${context.sha}: ${(error as Error).message}`);
      return { runs: [], providerSearchNeeded: true };
    }
  }

  /** Completed, not cancelled check runs of this name on the base branch that point at an evaluation. */
  async candidates(baseRef: string): Promise<BaselineCandidate[]> {
    let checks: CheckRun[];
    try {
      checks = await this.deps.github.findChecks(baseRef, this.deps.checkName);
    } catch (error) {
      this.deps.warn(`Could not read the check runs of ${baseRef}: ${(error as Error).message}`);
      return [];
    }
    return (
      checks
        .filter((check) => check.status === 'completed' && !!check.externalId && check.conclusion !== 'cancelled')
        // Only this repository's token can write a check run on the base branch's head: the record itself vouches.
        .map((check) => ({ evaluationId: check.externalId as string, source: `the "${check.name}" check on ${baseRef}`, hostVouches: true }))
    );
  }

  private remember(checks: CheckRun[]): EarlierRun[] {
    return checks.map((check) => {
      const run: EarlierRun = { id: String(check.id), ...(check.externalId ? { evaluationId: check.externalId } : {}) };
      this.seen.set(run.id, check);
      return run;
    });
  }
}

/**
 * Whether an evaluation of this commit and config may exist that no check run points at, so the provider must be
 * listed. Not on a run's first attempt when the commit's check runs were all read and none carries an external id:
 * every evalgate job posts its check (external id = evaluation id) right after its create, so an earlier run's job
 * or a matrix sibling with an evaluation would show there. Otherwise (a re-run, whose earlier attempt may have died
 * before posting; a fork PR, whose token cannot post checks) it may.
 */
export function providerSearchNeeded(context: Pick<RunContext, 'runAttempt' | 'isFork'>, allChecks: CheckRun[]): boolean {
  if (context.runAttempt !== '1' || context.isFork) return true;
  return allChecks.some((check) => check.externalId !== undefined && check.externalId !== '');
}
