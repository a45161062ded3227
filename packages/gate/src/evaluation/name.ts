import type { RunContext } from '../ports.js';

/** Fills `{pr}` (e.g. `#12`, or the branch outside a PR), `{sha}` (7 chars), `{ref}`, `{repo}`, `{check}`, `{run}`. */
export function renderName(template: string, context: RunContext, checkName: string): string {
  const values: Record<string, string> = {
    pr: context.prNumber !== undefined ? `#${context.prNumber}` : (context.ref ?? context.eventName),
    sha: context.sha.slice(0, 7),
    ref: context.ref ?? '',
    repo: context.repository,
    check: checkName,
    run: context.runId ?? '',
  };
  return template
    .replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole)
    .replace(/\s+/g, ' ')
    .trim();
}
