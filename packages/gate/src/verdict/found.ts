import { formatScore } from '../report/format.js';
import type { Baseline, BaselineLookup } from './types.js';

/** A baseline that was found, with the note the log and the report show. */
export function baselineFound(baseline: Baseline): BaselineLookup {
  return { baseline, note: `baseline: ${baseline.description}, avg ${formatScore(baseline.scores.avg)}` };
}
