import { toItemRef } from '../item-ref.js';

export interface EvaluationRef {
  connectionId: string;
  evaluationId: string;
}

/**
 * The two evaluations a "compare" runs on: the multi-selection VS Code passes as the second argument, else the
 * first argument as an array (tests, other extensions). Undefined unless exactly two distinct evaluation rows.
 */
export function comparedRefs(item: unknown, selection: unknown): [EvaluationRef, EvaluationRef] | undefined {
  const candidates = Array.isArray(selection) && selection.length > 0 ? selection : Array.isArray(item) ? item : [item];
  const refs: EvaluationRef[] = [];
  for (const candidate of candidates) {
    const ref = toItemRef(candidate);
    if (!ref?.evaluationId) return undefined;
    if (refs.some((known) => known.connectionId === ref.connectionId && known.evaluationId === ref.evaluationId)) continue;
    refs.push({ connectionId: ref.connectionId, evaluationId: ref.evaluationId });
  }
  return refs.length === 2 ? [refs[0]!, refs[1]!] : undefined;
}
