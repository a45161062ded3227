import type { Evaluation, Scores } from '@evalgate/core';
import { codeSpan, escapeFenced, escapeText, markdownLink } from './escape.js';
import { formatDelta, formatPercent, scoreFormatter } from './format.js';
import type { RunReport } from './model.js';
import { hasPartialScores, statusHeading, type RunStatus } from '../status.js';
import { compactHistogram, fullHistogram } from './histogram.js';
import { coverageNote } from './sample-scores.js';
import { progressTitle, resultTitle } from './title.js';
import { compactTrend, fullTrend } from './trend.js';

/** Markdown for the check run, the job summary and the PR comment. Provider text goes through escape.ts. */
export function resultSummary(report: RunReport): string {
  const { evaluation, verdict, baseline, status } = report;
  const heading = `### ${escapeText(report.checkName)}: ${statusHeading(status, verdict.gate)}`;
  const lines = [heading, '', `**${escapeText(resultTitle(status, evaluation))}**`, ''];
  if (evaluation.scores && status === 'completed') lines.push(...scoreTable(evaluation.scores, baseline.baseline?.scores), '');
  if (status === 'completed') lines.push(...pictures(report));
  if (evaluation.scores && hasPartialScores(status, evaluation)) {
    lines.push(`Partial scores over the items completed before the evaluation stopped; not a result:`, '', ...scoreTable(evaluation.scores, undefined), '');
  }
  if (verdict.criteria.length > 0) {
    lines.push('| gate | result |', '| --- | --- |');
    for (const criterion of verdict.criteria) {
      const icon = criterion.outcome === 'pass' ? '✅' : criterion.outcome === 'fail' ? '❌' : '➖';
      lines.push(`| ${criterion.input} | ${icon} ${escapeText(criterion.detail)} |`);
    }
    lines.push('');
  } else if (verdict.gate === 'pass') {
    lines.push('No thresholds set: any completed evaluation passes.', '');
  }
  for (const reason of verdict.gate === 'inconclusive' ? verdict.reasons : []) lines.push(`> ${escapeText(reason)}`, '');
  lines.push(`Baseline: ${escapeText(baseline.baseline ? baseline.baseline.description : baseline.note)}`, '');
  lines.push(detailsLine(evaluation, report.reattached, report.runUrl));
  for (const note of report.notes) lines.push('', `> ⚠️ ${escapeText(note)}`);
  return lines.join('\n');
}

function scoreTable(scores: Scores, baseline: Scores | undefined): string[] {
  const shown = [scores.avg, scores.min, scores.max];
  if (baseline) shown.push(baseline.avg, baseline.min, baseline.max, scores.avg - baseline.avg, scores.min - baseline.min, scores.max - baseline.max);
  // One precision for the whole table, so the columns compare.
  const format = scoreFormatter(shown);
  const header = baseline ? ['| | this run | baseline | Δ |', '| --- | ---: | ---: | ---: |'] : ['| | this run |', '| --- | ---: |'];
  const row = (label: string, value: string, base?: string, delta?: string) =>
    baseline ? `| ${label} | ${value} | ${base ?? '—'} | ${delta ?? ''} |` : `| ${label} | ${value} |`;
  const scoreRow = (label: 'avg' | 'min' | 'max') =>
    row(label, format(scores[label]), baseline && format(baseline[label]), baseline && formatDelta(scores[label] - baseline[label], format));
  const passRate = (value: Scores) => (value.passRate === undefined ? '—' : formatPercent(value.passRate));
  return [
    ...header,
    scoreRow('avg'),
    scoreRow('min'),
    scoreRow('max'),
    row('count', String(scores.count), baseline && String(baseline.count)),
    row('pass rate', passRate(scores), baseline && passRate(baseline)),
  ];
}

/** The score histogram and the base branch's trend, each followed by a blank line; nothing when there is no data. */
function pictures(report: RunReport): string[] {
  const full = report.pictures === 'full';
  const lines: string[] = [];
  if (report.sampleScores) {
    const note = coverageNote(report.sampleScores);
    const histogram = full ? fullHistogram(report.sampleScores.scores, note) : compactHistogram(report.sampleScores.scores, note);
    if (histogram !== undefined) lines.push(...(typeof histogram === 'string' ? [histogram] : histogram), '');
  }
  const trend = report.baseline.trend;
  if (trend) {
    const current = report.evaluation.scores?.avg;
    const drawn = full ? fullTrend(trend, current) : compactTrend(trend, current);
    if (drawn !== undefined) lines.push(...(typeof drawn === 'string' ? [drawn] : drawn), '');
  }
  return lines;
}

function detailsLine(evaluation: Evaluation, reattached: boolean, runUrl?: string): string {
  const parts = [`${evaluation.provider} evaluation ${codeSpan(evaluation.id)} (provider status ${codeSpan(evaluation.rawStatus)})`];
  if (reattached) parts.push('re-attached: not created by this job');
  const report = markdownLink('report', evaluation.reportUrl);
  if (report) parts.push(report);
  const run = markdownLink('workflow run', runUrl);
  if (run) parts.push(run);
  return parts.join(' · ');
}

/** Shown on the check while the evaluation runs. */
export function progressSummary(checkName: string, evaluation: Evaluation, elapsedMs: number): string {
  const lines = [
    `### ${escapeText(checkName)}: ⏳ ${escapeText(progressTitle(evaluation))}`,
    '',
    `Waiting for the ${evaluation.provider} evaluation ${codeSpan(evaluation.id)} (provider status ${codeSpan(evaluation.rawStatus)}) for ${Math.round(elapsedMs / 1000)} s.`,
  ];
  if (evaluation.progress?.etaSeconds !== undefined) lines.push('', `About ${Math.round(evaluation.progress.etaSeconds)} s left.`);
  const report = markdownLink('Live report', evaluation.reportUrl);
  if (report) lines.push('', report);
  return lines.join('\n');
}

/** Shown when the action itself could not finish. */
export function errorSummary(checkName: string, status: RunStatus, message: string, evaluation?: Evaluation): string {
  const lines = [`### ${escapeText(checkName)}: ${statusHeading(status, 'inconclusive')}`, '', '```text', escapeFenced(message), '```'];
  if (evaluation) lines.push('', detailsLine(evaluation, false));
  return lines.join('\n');
}
