// Sends a finished run's result everywhere it goes: check run, job summary, outputs, PR comment, badge, post-step state.
import type { Evaluation } from '@evalgate/core';
import type { RunDeps } from './deps.js';
import { STATE } from './deps.js';
import type { BaselineLookup, Verdict } from './gate/types.js';
import type { CheckReporter } from './github/check-reporter.js';
import { isPermissionProblem } from './github/port.js';
import { COMMENT_MARKER, sectionStart, upsertSection } from './report/comment.js';
import { buildResultJson, type ResultJson } from './report/result-json.js';
import { errorSummary, resultSummary } from './report/summary.js';
import { resultTitle } from './report/title.js';
import { GITHUB_TEXT_LIMIT, truncateForGitHub } from './report/truncate.js';

export interface Finished {
  evaluation?: Evaluation;
  verdict: Verdict;
  baseline: BaselineLookup;
  reattached: boolean;
  /** Set when the action itself failed; replaces the result summary. */
  errorMessage?: string;
  /** Set when the run stopped before a terminal status (cancelled, timed out, error). */
  statusOverride?: string;
}

export async function publish(deps: RunDeps, checks: CheckReporter, finished: Finished): Promise<ResultJson> {
  const { inputs, logger, sink } = deps;
  const { evaluation, verdict } = finished;
  const notes = [...verdict.reasons.filter(() => verdict.gate === 'inconclusive' && !evaluation)];
  const summaryFor = (extraNotes: string[]) =>
    finished.errorMessage !== undefined || !evaluation
      ? errorSummary(inputs.checkName, finished.errorMessage ?? verdict.reasons.join('\n'), evaluation)
      : resultSummary({
          checkName: inputs.checkName,
          evaluation,
          verdict,
          baseline: finished.baseline,
          reattached: finished.reattached,
          notes: extraNotes,
          ...(deps.context.runUrl ? { runUrl: deps.context.runUrl } : {}),
        });
  const title = finished.errorMessage !== undefined ? 'evalgate could not finish' : evaluation ? resultTitle(evaluation) : verdict.reasons[0] ?? 'No evaluation';

  await checks.complete(verdict.conclusion, { title, summary: summaryFor([]) }, evaluation?.id, evaluation?.reportUrl);
  sink.saveState(STATE.completed, 'true');
  if (checks.warning) notes.push(checks.warning);

  const result = buildResultJson({
    provider: inputs.provider,
    ...(evaluation ? { evaluation } : {}),
    verdict,
    baseline: finished.baseline,
    ...(checks.id !== undefined ? { checkRunId: checks.id } : {}),
    reattached: finished.reattached,
    sha: deps.context.sha,
    ...(finished.statusOverride ? { status: finished.statusOverride } : {}),
  });
  const jobSummary = truncateForGitHub(summaryFor(notes), 1024 * 1024 - 1);
  try {
    await sink.appendSummary(jobSummary);
  } catch (error) {
    logger.warning(`Could not write the job summary: ${(error as Error).message}`);
  }
  writeOutputs(deps, result);
  await upsertComment(deps, summaryFor([]));
  await writeBadge(deps, result);
  return result;
}

function writeOutputs(deps: RunDeps, result: ResultJson): void {
  const { sink } = deps;
  // 12 significant digits: no floating-point noise like 0.46125999999999995 in workflow expressions.
  const number = (value: number | undefined) => (value === undefined ? '' : String(Number(value.toPrecision(12))));
  sink.setOutput('evaluation-id', result.evaluationId ?? '');
  sink.setOutput('status', result.status);
  sink.setOutput('avg-score', number(result.scores?.avg));
  sink.setOutput('min-score', number(result.scores?.min));
  sink.setOutput('max-score', number(result.scores?.max));
  sink.setOutput('total-samples', number(result.scores?.count));
  sink.setOutput('report-url', result.reportUrl ?? '');
  sink.setOutput('gate', result.gate);
  sink.setOutput('result-json', JSON.stringify(result));
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
