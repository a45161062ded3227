// Sends a finished run's result everywhere it goes: check run, job summary, outputs, PR comment, badge, post-step state.
import type { Evaluation } from '@evalgate/core';
import type { RunDeps } from './deps.js';
import { STATE } from './deps.js';
import type { BaselineLookup, Verdict } from './gate/types.js';
import type { CheckReporter } from './github/check-reporter.js';
import { isPermissionProblem } from './github/port.js';
import { COMMENT_MARKER, sectionStart, upsertSection } from './report/comment.js';
import { safeUrl } from './report/escape.js';
import { writeOutputs } from './report/outputs.js';
import { buildResultJson, type ResultJson } from './report/result-json.js';
import type { RunStatus } from './report/run-status.js';
import { errorSummary, resultSummary } from './report/summary.js';
import { resultTitle } from './report/title.js';
import { GITHUB_TEXT_LIMIT, truncateForGitHub } from './report/truncate.js';

export interface Finished {
  evaluation?: Evaluation;
  verdict: Verdict;
  baseline: BaselineLookup;
  reattached: boolean;
  /** How the run ended; one vocabulary for the title, heading, outputs and result-json (report/run-status.ts). */
  status: RunStatus;
  /** Set when the action itself failed; replaces the result summary. */
  errorMessage?: string;
  /** Whether publishing marks the run finished for the post step (false: the post step must still act). */
  finished?: boolean;
}

export async function publish(deps: RunDeps, checks: CheckReporter, finished: Finished): Promise<ResultJson> {
  const { inputs, logger, sink } = deps;
  const { evaluation, verdict } = finished;
  const notes = [...verdict.reasons.filter(() => verdict.gate === 'inconclusive' && !evaluation)];
  const summaryFor = (extraNotes: string[]) =>
    finished.errorMessage !== undefined || !evaluation
      ? errorSummary(inputs.checkName, finished.status, finished.errorMessage ?? verdict.reasons.join('\n'), evaluation)
      : resultSummary({
          checkName: inputs.checkName,
          status: finished.status,
          evaluation,
          verdict,
          baseline: finished.baseline,
          reattached: finished.reattached,
          notes: extraNotes,
          ...(deps.context.runUrl ? { runUrl: deps.context.runUrl } : {}),
        });
  const title = resultTitle(finished.status, evaluation);

  await checks.complete(verdict.conclusion, { title, summary: summaryFor([]) }, evaluation?.id, safeUrl(evaluation?.reportUrl));
  if (finished.finished !== false) sink.saveState(STATE.completed, 'true');
  if (checks.warning) notes.push(checks.warning);

  const result = buildResultJson({
    provider: inputs.provider,
    ...(evaluation ? { evaluation } : {}),
    verdict,
    baseline: finished.baseline,
    ...(checks.id !== undefined ? { checkRunId: checks.id } : {}),
    reattached: finished.reattached,
    sha: deps.context.sha,
    status: finished.status,
  });
  const jobSummary = truncateForGitHub(summaryFor(notes), 1024 * 1024 - 1);
  try {
    await sink.appendSummary(jobSummary);
  } catch (error) {
    logger.warning(`Could not write the job summary: ${(error as Error).message}`);
  }
  writeOutputs(sink, logger, result, { ...(evaluation ? { evaluationId: evaluation.id } : {}), ...(evaluation?.reportUrl ? { reportUrl: evaluation.reportUrl } : {}) });
  await upsertComment(deps, summaryFor([]));
  await writeBadge(deps, result);
  return result;
}

async function upsertComment(deps: RunDeps, markdown: string): Promise<void> {
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

async function writeBadge(deps: RunDeps, result: ResultJson): Promise<void> {
  const badge = deps.inputs.badge;
  if (!badge) return;
  const scores = result.scores ? { avg: result.scores.avg, min: result.scores.min, max: result.scores.max, count: result.scores.count } : undefined;
  // Loaded on demand: badge-maker carries large font tables.
  const { renderBadge } = await import('./badge/badge.js');
  const files = renderBadge(deps.inputs.checkName, result.gate, scores, result.status);
  try {
    await deps.files.write(badge.svg, files.svg);
    await deps.files.write(badge.json, files.json);
    deps.logger.info(`Badge written to ${badge.svg} and ${badge.json}`);
  } catch (error) {
    deps.logger.warning(`Could not write the badge (badge-path): ${(error as Error).message}`);
  }
}
