import type { Criterion } from '../outcome/types.js';

/** `min-avg-score 0.8`: the name of a criterion's JUnit test case and table row. */
export function criterionName(criterion: Criterion): string {
  return criterion.threshold === undefined ? criterion.input : `${criterion.input} ${criterion.threshold}`;
}
