import { formatScore, type Evaluation } from '@evalgate/core';
import type { Outcome } from '../outcome/types.js';
import { printable } from './printable.js';

const GATE_WORDS = { pass: 'PASS', fail: 'FAIL', inconclusive: 'INCONCLUSIVE' } as const;

function describeScores(evaluation: Evaluation): string {
  const scores = evaluation.scores;
  if (!scores || scores.count === 0) return 'no scored samples';
  const passRate = scores.passRate === undefined ? '' : `, pass rate ${(scores.passRate * 100).toFixed(1)}%`;
  return `avg ${formatScore(scores.avg)}, min ${formatScore(scores.min)}, max ${formatScore(scores.max)} over ${scores.count} samples${passRate}`;
}

/** One evaluation, as `show` prints it. */
export function renderEvaluationText(evaluation: Evaluation): string {
  const lines = [
    `${evaluation.id}  ${evaluation.name}`,
    `  provider  ${evaluation.provider}`,
    `  status    ${evaluation.status} (${evaluation.rawStatus})`,
    `  scores    ${describeScores(evaluation)}`,
  ];
  if (evaluation.model) lines.push(`  model     ${evaluation.model}`);
  if (evaluation.createdAt) lines.push(`  created   ${evaluation.createdAt.toISOString()}`);
  if (evaluation.reportUrl) lines.push(`  report    ${evaluation.reportUrl}`);
  if (evaluation.errorMessage) lines.push(`  error     ${evaluation.errorMessage}`);
  return printable(`${lines.join('\n')}\n`);
}

export function renderOutcomeText(outcome: Outcome): string {
  const { evaluation } = outcome;
  const subject = evaluation
    ? `evaluation ${evaluation.id} (${outcome.provider}) ${evaluation.status}`
    : `${outcome.provider}: no evaluation (${outcome.status})`;
  const lines = [`evalgate: ${GATE_WORDS[outcome.gate]} — ${subject}`];
  if (evaluation) lines.push(`  ${describeScores(evaluation)}`);
  const marks = { pass: '✓', fail: '✗', skipped: '-' } as const;
  for (const criterion of outcome.criteria) lines.push(`  ${marks[criterion.outcome]} ${criterion.detail}`);
  for (const reason of outcome.gate === 'inconclusive' ? outcome.reasons : []) lines.push(`  ! ${reason}`);
  if (evaluation?.reportUrl) lines.push(`  report: ${evaluation.reportUrl}`);
  lines.push(`  exit code ${outcome.exitCode}`);
  return printable(`${lines.join('\n')}\n`);
}
