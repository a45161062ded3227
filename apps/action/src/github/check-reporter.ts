import { progressFraction, type Evaluation } from '@evalgate/core';
import type { Clock, Logger } from '../deps.js';
import { progressSummary, progressTitle, safeUrl } from '@evalgate/gate';
import { truncateForGitHub } from '../publish/truncate.js';
import type { CheckConclusion, CheckOutput, CheckRun, GitHubPort } from './port.js';
import { isPermissionProblem } from './port.js';

/** GitHub asks integrations not to update a check more often than this. */
export const PROGRESS_INTERVAL_MS = 10_000;
/** Without a status change or a new tenth of the work (e.g. a provider that reports no fraction), at most this often. */
export const IDLE_PROGRESS_INTERVAL_MS = 60_000;
/**
 * Progress updates per run, whatever its duration: with finding, creating and completing the check and the comment
 * (about 6 requests) a gate costs at most 15 GitHub requests.
 */
export const PROGRESS_UPDATE_BUDGET = 8;

export interface CheckReporterDeps {
  github?: GitHubPort;
  clock: Clock;
  logger: Logger;
  checkName: string;
  sha: string;
  isFork: boolean;
}

/**
 * Owns the one check run of this job: creates it, throttles progress updates, completes it.
 * A read-only token (fork PR) or no token turns it off with one warning instead of failing the job.
 */
export class CheckReporter {
  private checkRunId: number | undefined;
  private disabledBecause: string | undefined;
  private lastProblem: string | undefined;
  private lastProgressAt = 0;
  private progressUpdates = 0;
  private postedStatus = '';
  private postedTenth = -1;
  private inFlight: Promise<void> | undefined;
  private startedAt = 0;

  constructor(private readonly deps: CheckReporterDeps) {
    if (!deps.github) this.disabledBecause = 'no github-token was given, so no check run was posted';
  }

  get id(): number | undefined {
    return this.checkRunId;
  }

  /** Why no check was posted, when none was. */
  get warning(): string | undefined {
    return this.disabledBecause ?? (this.checkRunId === undefined ? this.lastProblem : undefined);
  }

  /** Creates the in-progress check, or takes over `existing` from an earlier attempt. */
  async start(evaluation: Evaluation, existing?: CheckRun): Promise<void> {
    const github = this.deps.github;
    this.startedAt = this.deps.clock.now();
    this.lastProgressAt = this.startedAt;
    if (!github) return;
    const output = this.progressOutput(evaluation);
    this.postedStatus = evaluation.rawStatus;
    this.postedTenth = Math.floor((progressFraction(evaluation.progress) ?? -0.1) * 10);
    try {
      if (existing && existing.status !== 'completed') {
        await github.updateCheck(existing.id, { status: 'in_progress', output, ...this.detailsUrl(evaluation) });
        this.checkRunId = existing.id;
        return;
      }
      const created = await github.createCheck({
        name: this.deps.checkName,
        headSha: this.deps.sha,
        externalId: evaluation.id,
        startedAt: new Date(this.startedAt).toISOString(),
        output,
        ...this.detailsUrl(evaluation),
      });
      this.checkRunId = created.id;
    } catch (error) {
      this.handleWriteError(error, 'create the check run');
    }
  }

  /**
   * Completes the in-progress checks an earlier, lost attempt left on this commit (not re-attached to): they would
   * otherwise spin forever next to this one.
   */
  async supersede(earlier: CheckRun[]): Promise<void> {
    const github = this.deps.github;
    if (!github || this.checkRunId === undefined) return;
    for (const check of earlier) {
      if (check.id === this.checkRunId || check.status === 'completed') continue;
      try {
        await github.updateCheck(check.id, {
          status: 'completed',
          conclusion: 'cancelled',
          completedAt: new Date(this.deps.clock.now()).toISOString(),
          output: { title: 'Superseded by a later attempt', summary: `A later attempt of this job reports in check run ${this.checkRunId}.` },
        });
      } catch (error) {
        this.deps.logger.debug(`Could not complete the superseded check run ${check.id}: ${(error as Error).message}`);
      }
    }
  }

  /**
   * Posts progress when it moved meaningfully (a status change or a new tenth of the work, at most every 10 s), else
   * at most once a minute; never two at once, never more than PROGRESS_UPDATE_BUDGET times; failures only log.
   */
  progress(evaluation: Evaluation): void {
    const github = this.deps.github;
    const id = this.checkRunId;
    const now = this.deps.clock.now();
    if (!github || id === undefined || this.inFlight || this.progressUpdates >= PROGRESS_UPDATE_BUDGET) return;
    const fraction = progressFraction(evaluation.progress);
    const tenth = fraction === undefined ? -1 : Math.floor(fraction * 10);
    const moved = evaluation.rawStatus !== this.postedStatus || tenth > this.postedTenth;
    if (now - this.lastProgressAt < (moved ? PROGRESS_INTERVAL_MS : IDLE_PROGRESS_INTERVAL_MS)) return;
    this.lastProgressAt = now;
    this.progressUpdates++;
    this.postedStatus = evaluation.rawStatus;
    this.postedTenth = tenth;
    this.inFlight = github
      .updateCheck(id, { status: 'in_progress', output: this.progressOutput(evaluation) })
      .catch((error: unknown) => this.deps.logger.debug(`Progress update skipped: ${(error as Error).message}`))
      .finally(() => {
        this.inFlight = undefined;
      });
  }

  /** Completes the check; creates it completed when it could not be created earlier. */
  async complete(conclusion: CheckConclusion, output: CheckOutput, evaluationId = '', detailsUrl?: string): Promise<void> {
    const github = this.deps.github;
    await this.inFlight;
    if (!github || this.disabledBecause) return;
    const safe = { title: truncateForGitHub(output.title, 1000), summary: truncateForGitHub(output.summary) };
    const completedAt = new Date(this.deps.clock.now()).toISOString();
    try {
      if (this.checkRunId !== undefined) {
        await github.updateCheck(this.checkRunId, {
          status: 'completed',
          conclusion,
          completedAt,
          output: safe,
          ...(detailsUrl ? { detailsUrl } : {}),
        });
      } else {
        const created = await github.createCheck({
          name: this.deps.checkName,
          headSha: this.deps.sha,
          externalId: evaluationId,
          startedAt: new Date(this.startedAt || this.deps.clock.now()).toISOString(),
          status: 'completed',
          conclusion,
          completedAt,
          output: safe,
          ...(detailsUrl ? { detailsUrl } : {}),
        });
        this.checkRunId = created.id;
      }
    } catch (error) {
      this.handleWriteError(error, 'complete the check run');
    }
  }

  private progressOutput(evaluation: Evaluation): CheckOutput {
    const elapsed = this.deps.clock.now() - this.startedAt;
    return { title: progressTitle(evaluation), summary: truncateForGitHub(progressSummary(this.deps.checkName, evaluation, elapsed)) };
  }

  /** Only an https (or loopback http) report URL becomes the check's link. */
  private detailsUrl(evaluation: Evaluation): { detailsUrl?: string } {
    const url = safeUrl(evaluation.reportUrl);
    return url ? { detailsUrl: url } : {};
  }

  /** A permission problem turns checks off for the rest of the run; anything else is retried at completion. */
  private handleWriteError(error: unknown, what: string): void {
    const status = (error as { status?: number }).status;
    if (isPermissionProblem(error)) {
      const why = this.deps.isFork ? 'this pull request comes from a fork, whose token is read-only' : 'the token lacks the "checks: write" permission';
      this.disabledBecause = `No check run was posted: GitHub refused to ${what} (HTTP ${status}) because ${why}. The result is in the job summary and the step outputs.`;
      this.deps.logger.warning(this.disabledBecause);
      return;
    }
    this.lastProblem = `Could not ${what}: ${(error as Error).message}. The result is in the job summary and the step outputs.`;
    this.deps.logger.warning(this.lastProblem);
  }
}
