// JUnit XML in the Ant schema (test/fixtures/junit/JUnit.xsd), which GitLab, Jenkins and CircleCI all read: one
// <testsuite> for the evaluation, one <testcase> per threshold, the samples summarized in <system-out>.
import { formatScore } from '@evalgate/core';
import type { Outcome } from '../outcome/types.js';
import { xmlEscape } from './xml.js';

const MAX_TEXT = 4000;

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

/** Local time without zone, as the schema's timestamp pattern wants (UTC, stated in the property list). */
function timestamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

function seconds(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(3);
}

export function samplesSummary(outcome: Outcome): string {
  const { evaluation } = outcome;
  const scores = evaluation.scores;
  const lines = [`evaluation ${evaluation.id} (${evaluation.provider}) ${evaluation.status}`];
  if (scores && scores.count > 0) {
    lines.push(`samples: ${scores.count}`, `avg: ${formatScore(scores.avg)}`, `min: ${formatScore(scores.min)}`, `max: ${formatScore(scores.max)}`);
    if (scores.passRate !== undefined) lines.push(`pass rate: ${(scores.passRate * 100).toFixed(1)}%`);
  } else {
    lines.push('no scored samples');
  }
  if (evaluation.reportUrl) lines.push(`report: ${evaluation.reportUrl}`);
  lines.push(`gate: ${outcome.gate}`);
  return lines.join('\n');
}

export function renderJUnit(outcome: Outcome, hostname: string): string {
  const { evaluation } = outcome;
  const classname = `evalgate.${evaluation.provider}`;
  const time = seconds(outcome.durationMs);
  const cases: string[] = [];
  let failures = 0;
  let errors = 0;
  if (outcome.gate === 'inconclusive') {
    errors = 1;
    const reason = outcome.reasons.join(' ') || 'The evaluation did not complete.';
    cases.push(
      `  <testcase name="evaluation ${xmlEscape(evaluation.status)}" classname="${classname}" time="${time}">\n` +
        `    <error message="${xmlEscape(clip(reason))}" type="${xmlEscape(evaluation.status)}">${xmlEscape(clip(reason))}</error>\n  </testcase>`,
    );
  } else if (outcome.criteria.length === 0) {
    cases.push(`  <testcase name="evaluation completed" classname="${classname}" time="${time}"/>`);
  }
  for (const criterion of outcome.criteria) {
    const name = `${criterion.setting} ${criterion.threshold}`;
    if (criterion.outcome === 'pass') {
      cases.push(`  <testcase name="${xmlEscape(name)}" classname="${classname}" time="${time}"/>`);
    } else {
      failures += 1;
      cases.push(
        `  <testcase name="${xmlEscape(name)}" classname="${classname}" time="${time}">\n` +
          `    <failure message="${xmlEscape(criterion.detail)}" type="threshold">${xmlEscape(criterion.detail)}</failure>\n  </testcase>`,
      );
    }
  }
  const properties = [
    ['evaluation-id', evaluation.id],
    ['provider', evaluation.provider],
    ['status', evaluation.status],
    ['gate', outcome.gate],
    ['timestamp-zone', 'UTC'],
    ...(evaluation.scores && evaluation.scores.count > 0
      ? [
          ['avg-score', formatScore(evaluation.scores.avg)],
          ['min-score', formatScore(evaluation.scores.min)],
          ['max-score', formatScore(evaluation.scores.max)],
          ['total-samples', String(evaluation.scores.count)],
        ]
      : []),
    ...(evaluation.reportUrl ? [['report-url', evaluation.reportUrl]] : []),
  ].map(([name, value]) => `    <property name="${xmlEscape(name ?? '')}" value="${xmlEscape(clip(value ?? ''))}"/>`);
  const suiteName = xmlEscape(clip(`evalgate ${evaluation.name || evaluation.id}`));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuite name="${suiteName}" timestamp="${timestamp(outcome.startedAt)}" hostname="${xmlEscape(hostname || 'localhost')}" tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="0" time="${time}">`,
    '  <properties>',
    ...properties,
    '  </properties>',
    ...cases,
    `  <system-out>${xmlEscape(clip(samplesSummary(outcome)))}</system-out>`,
    '  <system-err></system-err>',
    '</testsuite>',
    '',
  ].join('\n');
}
