// How the action marks the evaluations it creates, so a re-run re-attaches and a later PR finds its baseline.
import { createHash } from 'node:crypto';
import type { Evaluation } from '@evalgate/core';
import type { RunContext } from './ports.js';

export const MARKER_KEY = 'evalgate';

export interface EvaluationTags {
  tags: string[];
  metadata: Record<string, string>;
}

/** Stable short hash of everything that makes two evaluations the same experiment. */
export function configFingerprint(parts: unknown): string {
  return createHash('sha256').update(stableJson(parts)).digest('hex').slice(0, 16);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function tagsFor(context: RunContext, checkName: string, fingerprint: string): EvaluationTags {
  const metadata: Record<string, string> = {
    [MARKER_KEY]: '1',
    evalgate_repo: context.repository,
    evalgate_sha: context.sha,
    evalgate_config: fingerprint,
    evalgate_check: checkName.slice(0, 500),
    evalgate_event: context.eventName,
  };
  if (context.ref) metadata.evalgate_ref = context.ref.slice(0, 500);
  if (context.prNumber !== undefined) metadata.evalgate_pr = String(context.prNumber);
  // Which workflow run attempt created it: a matrix sibling of the same attempt shares it, a re-run re-attaches to it.
  const attempt = runAttemptKey(context);
  if (attempt) metadata.evalgate_run = attempt;
  return { tags: ['evalgate'], metadata };
}

/** True when `evaluation` carries our marker and every given key matches. */
export function hasTags(evaluation: Evaluation, expected: Record<string, string>): boolean {
  const metadata = evaluation.metadata;
  if (!metadata || metadata[MARKER_KEY] !== '1') return false;
  return Object.entries(expected).every(([key, value]) => metadata[key] === value);
}

/** `<run id>.<attempt>` of a workflow run attempt, when the runner says. */
export function runAttemptKey(context: Pick<RunContext, 'runId' | 'runAttempt'>): string | undefined {
  return context.runId ? `${context.runId}.${context.runAttempt ?? '1'}` : undefined;
}
