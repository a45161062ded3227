import type { Evaluation, Scores } from '@evalgate/core';
import type { Gate } from '../gate/types.js';
import { formatDelta, formatPercent, formatScore } from './format.js';
import type { RunReport } from './model.js';
import { progressTitle, resultTitle } from './title.js';

const GATE_HEADING: Record<Gate, string> = {
  pass: '✅ pass',
  fail: '❌ fail',
  inconclusive: '⚪ inconclusive',
};

/** Markdown for the check run, the job summary and the PR comment. */
export function resultSummary(report: RunReport): string {
  const { evaluation, verdict, baseline } = report;
  const lines = [`### ${report.checkName}: ${GATE_HEADING[verdict.gate]}`, '', `**${escapeMarkdown(resultTitle(evaluation))}**`, ''];
  if (evaluation.scores) lines.push(...scoreTable(evaluation.scores, baseline.baseline?.scores), '');
  if (verdict.criteria.length > 0) {
    lines.push('| gate | result |', '| --- | --- |');
    for (const criterion of verdict.criteria) {
      const icon = criterion.outcome === 'pass' ? '✅' : criterion.outcome === 'fail' ? '❌' : '➖';
      lines.push(`| ${criterion.input} | ${icon} ${escapeCell(criterion.detail)} |`);
    }
    lines.push('');
  } else if (verdict.gate === 'pass') {
    lines.push('No thresholds set: any completed evaluation passes.', '');
  }
  for (const reason of verdict.gate === 'inconclusive' ? verdict.reasons : []) lines.push(`> ${escapeMarkdown(reason)}`, '');
  lines.push(`Baseline: ${escapeMarkdown(baseline.baseline ? baseline.baseline.description : baseline.note)}`, '');
  lines.push(detailsLine(evaluation, report.reattached, report.runUrl));
  for (const note of report.notes) lines.push('', `> ⚠️ ${escapeMarkdown(note)}`);
  return lines.join('\n');
}

function scoreTable(scores: Scores, baseline: Scores | undefined): string[] {
  const header = baseline
    ? ['| | this run | baseline | Δ |', '| --- | ---: | ---: | ---: |']
    : ['| | this run |', '| --- | ---: |'];
  const row = (label: string, value: string, base?: string, delta?: string) =>
    baseline ? `| ${label} | ${value} | ${base ?? '—'} | ${delta ?? ''} |` : `| ${label} | ${value} |`;
  const scoreRow = (label: 'avg' | 'min' | 'max') =>
    row(label, formatScore(scores[label]), baseline && formatScore(baseline[label]), baseline && formatDelta(scores[label] - baseline[label]));
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

function detailsLine(evaluation: Evaluation, reattached: boolean, runUrl?: string): string {
  const parts = [`${evaluation.provider} evaluation \`${escapeCode(evaluation.id)}\``];
  if (reattached) parts.push('re-attached from an earlier attempt');
  if (evaluation.reportUrl) parts.push(`[report](${evaluation.reportUrl})`);
  if (runUrl) parts.push(`[workflow run](${runUrl})`);
  return parts.join(' · ');
}

/** Shown on the check while the evaluation runs. */
export function progressSummary(checkName: string, evaluation: Evaluation, elapsedMs: number): string {
  const lines = [
    `### ${checkName}: ⏳ ${escapeMarkdown(progressTitle(evaluation))}`,
    '',
    `Waiting for the ${evaluation.provider} evaluation \`${escapeCode(evaluation.id)}\` (${evaluation.rawStatus}) for ${Math.round(elapsedMs / 1000)} s.`,
  ];
  if (evaluation.progress?.etaSeconds !== undefined) lines.push('', `About ${Math.round(evaluation.progress.etaSeconds)} s left.`);
  if (evaluation.reportUrl) lines.push('', `[Live report](${evaluation.reportUrl})`);
  return lines.join('\n');
}

/** Shown when the action itself could not finish. */
export function errorSummary(checkName: string, message: string, evaluation?: Evaluation): string {
  const lines = [`### ${checkName}: ⚠️ error`, '', '```text', message.replaceAll('```', "'''"), '```'];
  if (evaluation) lines.push('', detailsLine(evaluation, false));
  return lines.join('\n');
}

/** Keeps provider text from opening HTML tags or comments (which could hide the rest of the summary). */
function escapeMarkdown(text: string): string {
  return text.replace(/<(?=[A-Za-z/!?])/g, '&lt;');
}

function escapeCell(text: string): string {
  return escapeMarkdown(text).replaceAll('|', '\\|').replace(/\n/g, ' ');
}

function escapeCode(text: string): string {
  return text.replaceAll('`', "'");
}
