// GitLab's `artifacts:reports:dotenv`: KEY=value lines, no quotes, comments, blank lines or line breaks, under 5 KB
// and few variables. Values are reduced to characters that cannot break that format. Names never equal a setting's
// variable (EVALGATE_PROVIDER…), so a later job's evalgate is not reconfigured by this report.
import { formatScore } from '@evalgate/core';
import type { Outcome } from '../outcome/types.js';

const MAX_VALUE = 512;

function dotenvValue(value: string): string {
  return value
    .replace(/[^A-Za-z0-9 ._:/?&=%+@,~-]/g, '')
    .trim()
    .slice(0, MAX_VALUE);
}

export function renderDotenv(outcome: Outcome): string {
  const { evaluation } = outcome;
  const scores = evaluation?.scores && evaluation.scores.count > 0 ? evaluation.scores : undefined;
  const entries: Array<[string, string]> = [
    ['EVALGATE_GATE', outcome.gate],
    ['EVALGATE_STATUS', outcome.status],
    ['EVALGATE_EXIT_CODE', String(outcome.exitCode)],
    ['EVALGATE_EVALUATION_ID', evaluation?.id ?? ''],
    ['EVALGATE_AVG_SCORE', scores ? formatScore(scores.avg) : ''],
    ['EVALGATE_MIN_SCORE', scores ? formatScore(scores.min) : ''],
    ['EVALGATE_MAX_SCORE', scores ? formatScore(scores.max) : ''],
    ['EVALGATE_TOTAL_SAMPLES', scores ? String(scores.count) : '0'],
    ['EVALGATE_REPORT_URL', evaluation?.reportUrl ?? ''],
  ];
  return entries.map(([name, value]) => `${name}=${dotenvValue(value)}\n`).join('');
}
