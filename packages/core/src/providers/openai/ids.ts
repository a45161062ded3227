import { ConfigurationError } from '../../errors.js';

/** OpenAI evaluations are runs inside evals; the domain id joins both: `<eval_id>/<run_id>`. */
export function joinRunId(evalId: string, runId: string): string {
  return `${evalId}/${runId}`;
}

export function splitRunId(id: string): { evalId: string; runId: string } {
  const parts = typeof id === 'string' ? id.split('/') : [];
  const [evalId, runId] = parts;
  if (parts.length !== 2 || !evalId || !runId) {
    throw new ConfigurationError(`OpenAI evaluation ids look like "<eval_id>/<run_id>" (e.g. "eval_abc/evalrun_xyz"); got "${String(id)}"`);
  }
  return { evalId, runId };
}
