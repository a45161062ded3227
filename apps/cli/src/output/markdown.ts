// Markdown for a job summary or an MR note. Provider text is escaped so it cannot inject markup or links.
import { formatScore } from '@evalgate/core';
import type { Outcome } from '../outcome/types.js';
import { criterionName } from './criterion-name.js';

const MARKS = { pass: '✅', fail: '❌', skipped: '➖' } as const;

const GATE_HEADINGS = { pass: '✅ evalgate passed', fail: '❌ evalgate failed', inconclusive: '⚠️ evalgate inconclusive' } as const;

function markdownEscape(text: string): string {
  // Only what can start markup inside a line; [ and ] escaped means no link can form, so ( ) stay readable.
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]<>|~]/g, (char) => `\\${char}`);
}

function safeLink(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** `full`: the gate's full-size histogram and trend (a --summary file); `compact` their one-line forms (stdout). */
export function renderOutcomeMarkdown(outcome: Outcome, pictures: 'compact' | 'full' = 'compact'): string {
  const fromGate = pictures === 'full' ? (outcome.fullMarkdown ?? outcome.markdown) : outcome.markdown;
  if (fromGate !== undefined) return fromGate;
  const { evaluation } = outcome;
  const scores = evaluation?.scores;
  const lines = [
    `## ${GATE_HEADINGS[outcome.gate]}`,
    '',
    evaluation
      ? `Evaluation \`${evaluation.id.replaceAll('`', "'")}\` (${evaluation.provider}) ${markdownEscape(evaluation.name)}: **${evaluation.status}**`
      : `No ${outcome.provider} evaluation: **${outcome.status}**`,
    '',
  ];
  if (scores && scores.count > 0) {
    lines.push(
      '| avg | min | max | samples |',
      '| ---: | ---: | ---: | ---: |',
      `| ${formatScore(scores.avg)} | ${formatScore(scores.min)} | ${formatScore(scores.max)} | ${scores.count} |`,
      '',
    );
  }
  if (outcome.criteria.length > 0) {
    lines.push('| threshold | result |', '| --- | --- |');
    for (const criterion of outcome.criteria) lines.push(`| ${criterionName(criterion)} | ${MARKS[criterion.outcome]} ${markdownEscape(criterion.detail)} |`);
    lines.push('');
  }
  if (outcome.gate === 'inconclusive') for (const reason of outcome.reasons) lines.push(`> ${markdownEscape(reason)}`, '');
  const link = evaluation?.reportUrl ? safeLink(evaluation.reportUrl) : undefined;
  if (link) lines.push(`[Open the report](<${link.replaceAll('>', '%3E')}>)`, '');
  return `${lines.join('\n')}`;
}
