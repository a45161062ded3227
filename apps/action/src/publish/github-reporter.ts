// The gate's Reporter on GitHub: the check run while it runs, then the check, job summary, outputs, comment, badge.
import type { Evaluation } from '@evalgate/core';
import { STATE, type Clock, type EarlierRun, type FinalReport, type Reporter, type ResultJson } from '@evalgate/gate';
import { CheckReporter } from '../github/check-reporter.js';
import type { CheckRunLookups } from '../github/check-run-lookups.js';
import { publish, type PublishDeps } from './publish.js';

export interface GitHubReporterDeps extends PublishDeps {
  clock: Clock;
  /** The check runs the gate's lookups found; absent without a token. */
  lookups?: CheckRunLookups;
}

export class GitHubReporter implements Reporter {
  private readonly checks: CheckReporter;
  /** What the outputs carried, once published. */
  result: ResultJson | undefined;

  constructor(private readonly deps: GitHubReporterDeps) {
    this.checks = new CheckReporter({
      ...(deps.github ? { github: deps.github } : {}),
      clock: deps.clock,
      logger: deps.logger,
      checkName: deps.inputs.checkName,
      sha: deps.context.sha,
      isFork: deps.context.isFork,
    });
  }

  async started(evaluation: Evaluation, info: { earlier?: EarlierRun; superseded: EarlierRun[] }): Promise<void> {
    const existing = info.earlier && this.deps.lookups?.checkRunOf(info.earlier);
    await this.checks.start(evaluation, existing);
    if (this.checks.id !== undefined) this.deps.sink.saveState(STATE.checkRunId, String(this.checks.id));
    const superseded = info.superseded.flatMap((run) => this.deps.lookups?.checkRunOf(run) ?? []);
    await this.checks.supersede(superseded);
  }

  progress(evaluation: Evaluation): void {
    this.checks.progress(evaluation);
  }

  async finished(report: FinalReport, settle: () => void): Promise<void> {
    this.result = await publish(this.deps, this.checks, report, settle);
  }
}
