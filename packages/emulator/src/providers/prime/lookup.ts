/** Finds the evaluation a Prime route names, or answers 404 the FastAPI way (undeclared in the spec, QUIRKS PRIME-4). */
import type { Reply } from '../../http/reply.js';
import type { EmulatorState } from '../../state.js';
import { PRIME_EVALUATIONS, type PrimeEvaluation } from './records-store.js';
import { primeDetail } from './errors.js';

export type WithEvaluation = (id: string | undefined, handle: (record: PrimeEvaluation) => Reply) => Reply;

export const NOT_FOUND = 'Evaluation not found';

export function evaluationLookup(state: EmulatorState): WithEvaluation {
  return (id, handle) => {
    const record = id === undefined ? undefined : state.store.of(PRIME_EVALUATIONS).get(id);
    return record ? handle(record) : primeDetail(404, NOT_FOUND);
  };
}
