// JUnit XML in the Ant schema (test/fixtures/junit/JUnit.xsd), which GitLab, Jenkins and CircleCI all read: one
// <testsuite> for the evaluation, one <testcase> per threshold, the samples summarized in <system-out>.
import { formatScore } from '@evalgate/core';
import type { Outcome } from '../outcome/types.js';
import { criterionName } from './criterion-name.js';
import { xmlEscape } from './xml.js';

const MAX_TEXT = 4000;

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

/** Without a zone, as the schema's timestamp pattern wants (it is UTC, stated in the properties). */
function timestamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

function seconds(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(3);
}

function samplesSummary(outcome: Outcome): string {
  const { evaluation } = outcome;
  if (!evaluation) return `no ${outcome.provider} evaluation (${outcome.status})\ngate: ${outcome.gate}`;
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

function testcase(name: string, classname: string, time: string, body?: string): string {
  const open = `  <testcase name="${xmlEscape(name)}" classname="${classname}" time="${time}"`;
  return body === undefined ? `${open}/>` : `${open}>\n    ${body}\n  </testcase>`;
}

export function renderJUnit(outcome: Outcome, hostname: string): string {
  const { evaluation } = outcome;
  const classname = `evalgate.${outcome.provider}`;
  const time = seconds(outcome.durationMs);
  const cases: string[] = [];
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  if (outcome.gate === 'inconclusive') {
    errors = 1;
    const reason = clip(outcome.reasons.join(' ') || 'The evaluation did not complete.');
    cases.push(
      testcase(`evaluation ${outcome.status}`, classname, time, `<error message="${xmlEscape(reason)}" type="${outcome.status}">${xmlEscape(reason)}</error>`),
    );
  } else if (outcome.criteria.length === 0) {
    cases.push(testcase('evaluation completed', classname, time));
  }
  for (const criterion of outcome.criteria) {
    const detail = xmlEscape(clip(criterion.detail));
    if (criterion.outcome === 'pass') {
      cases.push(testcase(criterionName(criterion), classname, time));
    } else if (criterion.outcome === 'skipped') {
      skipped += 1;
      cases.push(testcase(criterionName(criterion), classname, time, `<skipped message="${detail}"/>`));
    } else {
      failures += 1;
      cases.push(testcase(criterionName(criterion), classname, time, `<failure message="${detail}" type="threshold">${detail}</failure>`));
    }
  }
  const scores = evaluation?.scores && evaluation.scores.count > 0 ? evaluation.scores : undefined;
  const properties: Array<[string, string | undefined]> = [
    ['evaluation-id', evaluation?.id],
    ['provider', outcome.provider],
    ['status', outcome.status],
    ['gate', outcome.gate],
    ['timestamp-zone', 'UTC'],
    ['avg-score', scores && formatScore(scores.avg)],
    ['min-score', scores && formatScore(scores.min)],
    ['max-score', scores && formatScore(scores.max)],
    ['total-samples', scores && String(scores.count)],
    ['report-url', evaluation?.reportUrl],
  ];
  const suiteName = xmlEscape(clip(`evalgate ${evaluation ? evaluation.name || evaluation.id : outcome.provider}`));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuite name="${suiteName}" timestamp="${timestamp(outcome.startedAt)}" hostname="${xmlEscape(hostname) || 'localhost'}" tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${time}">`,
    '  <properties>',
    ...properties
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([name, value]) => `    <property name="${name}" value="${xmlEscape(clip(value))}"/>`),
    '  </properties>',
    ...cases,
    `  <system-out>${xmlEscape(clip(samplesSummary(outcome)))}</system-out>`,
    '  <system-err></system-err>',
    '</testsuite>',
    '',
  ].join('\n');
}
