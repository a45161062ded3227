// Sends a finished run's result everywhere it goes on GitHub: check run, job summary, outputs, PR comment, badge.
import { droppedOutputWarnings, finalSummary, outputValues, resultJsonOf, resultTitle, safeUrl, type FinalReport, type ResultJson } from '@evalgate/gate';
import type { RunDeps } from '../deps.js';
import type { CheckReporter } from '../github/check-reporter.js';
import { isPermissionProblem } from '../github/port.js';
import { COMMENT_MARKER, sectionStart, upsertSection } from './comment.js';
import { GITHUB_TEXT_LIMIT, truncateForGitHub } from './truncate.js';

export type PublishDeps = Pick<RunDeps, 'inputs' | 'context' | 'github' | 'logger' | 'sink' | 'files'>;

/**
 * Publishes `report`; calls `settle` once the check run is completed (the post step then has nothing to do), before
 * the slower rest. Returns the result JSON the outputs carry (with the check run id).
 */
export async function publish(deps: PublishDeps, checks: CheckReporter, report: FinalReport, settle: () => void): Promise<ResultJson> {
  const { logger, sink } = deps;
  const { evaluation, verdict } = report;
  const notes = [...verdict.reasons.filter(() => verdict.gate === 'inconclusive' && !evaluation)];
  const summary = finalSummary(report);
  const title = resultTitle(report.status, evaluation);

  await checks.complete(verdict.conclusion, { title, summary }, evaluation?.id, safeUrl(evaluation?.reportUrl));
  settle();
  if (checks.warning) notes.push(checks.warning);

  const result = resultJsonOf(report, checks.id !== undefined ? { checkRunId: checks.id } : {});
  // The job summary has room (1 MiB) for the full-size histogram and trend; the check and the comment get one line each.
  const jobSummary = truncateForGitHub(finalSummary(report, notes, 'full'), 1024 * 1024 - 1);
  try {
    await sink.appendSummary(jobSummary);
  } catch (error) {
    logger.warning(`Could not write the job summary: ${(error as Error).message}`);
  }
  for (const warning of droppedOutputWarnings(result, {
    ...(evaluation ? { evaluationId: evaluation.id } : {}),
    ...(evaluation?.reportUrl ? { reportUrl: evaluation.reportUrl } : {}),
  })) {
    logger.warning(warning);
  }
  for (const [name, value] of Object.entries(outputValues(result))) sink.setOutput(name, value);
  await upsertComment(deps, summary);
  await writeBadge(deps, result);
  return result;
}

async function upsertComment(deps: PublishDeps, markdown: string): Promise<void> {
  const { github, context, inputs, logger } = deps;
  if (inputs.comment === 'off' || !github || context.prNumber === undefined) return;
  const issue = context.prNumber;
  // Other sections may be long; keep ours within the limit together with them.
  const withSection = (body: string | undefined) => {
    const full = upsertSection(body, inputs.checkName, markdown);
    return full.length > GITHUB_TEXT_LIMIT ? upsertSection(body, inputs.checkName, truncateForGitHub(markdown, 20_000)) : full;
  };
  try {
    const mine = (await github.listComments(issue)).find((comment) => comment.body.includes(COMMENT_MARKER));
    if (mine) {
      await github.updateComment(mine.id, withSection(mine.body));
      return;
    }
    await github.createComment(issue, withSection(undefined));
    // Matrix jobs may each have created one at the same moment: the oldest stays, the others move their section into it.
    const ours = (await github.listComments(issue)).filter((comment) => comment.body.includes(COMMENT_MARKER)).sort((a, b) => a.id - b.id);
    const [keep, ...extra] = ours;
    const duplicate = extra.find((comment) => comment.body.includes(sectionStart(inputs.checkName)));
    if (keep && duplicate && !keep.body.includes(sectionStart(inputs.checkName))) {
      await github.updateComment(keep.id, withSection(keep.body));
      await github.deleteComment(duplicate.id);
    }
  } catch (error) {
    const why = isPermissionProblem(error)
      ? `the token cannot write pull request comments (HTTP ${(error as { status?: number }).status}); grant "pull-requests: write" or set comment: off`
      : (error as Error).message;
    logger.warning(`No PR comment was posted: ${why}`);
  }
}

async function writeBadge(deps: PublishDeps, result: ResultJson): Promise<void> {
  const { badge, badgeBranch } = deps.inputs;
  if (!badge && !badgeBranch) return;
  const scores = result.scores ? { avg: result.scores.avg, min: result.scores.min, max: result.scores.max, count: result.scores.count } : undefined;
  // Loaded on demand: badge-maker carries large font tables.
  const { renderBadge } = await import('./badge.js');
  const files = renderBadge(deps.inputs.checkName, result.gate, scores, result.status);
  if (badge) {
    try {
      await deps.files.write(badge.svg, files.svg);
      await deps.files.write(badge.json, files.json);
      deps.logger.info(`Badge written to ${badge.svg} and ${badge.json}`);
    } catch (error) {
      deps.logger.warning(`Could not write the badge (badge-path): ${(error as Error).message}`);
    }
  }
  if (badgeBranch) {
    const { publishBadgeToBranch } = await import('./badge-branch.js');
    const section = await publishBadgeToBranch(deps.github, deps.logger, {
      branch: badgeBranch,
      checkName: deps.inputs.checkName,
      gate: result.gate,
      status: result.status,
      svg: files.svg,
      json: files.json,
      context: deps.context,
    });
    if (section) {
      try {
        await deps.sink.appendSummary(section);
      } catch (error) {
        deps.logger.warning(`Could not write the job summary: ${(error as Error).message}`);
      }
    }
  }
}
