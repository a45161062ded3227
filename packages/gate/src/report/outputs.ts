// The named results of a run (the Action's step outputs, the CLI's dotenv file). Workflows interpolate them into
// scripts, so only validated values are in them: ids in a safe charset, URLs https (or loopback http).
import type { Gate, StepStatus } from '../status.js';
import type { ResultJson } from './result-json.js';

export const OUTPUT_NAMES = [
  'evaluation-id',
  'status',
  'gate',
  'avg-score',
  'min-score',
  'max-score',
  'total-samples',
  'partial-avg-score',
  'partial-samples',
  'report-url',
  'result-json',
] as const;

export type OutputName = (typeof OUTPUT_NAMES)[number];

/** Full precision, without floating-point noise like 0.46125999999999995. */
function number(value: number | undefined): string {
  return value === undefined ? '' : String(Number(value.toPrecision(12)));
}

/** Every output's value ('' when it has none). */
export function outputValues(result: ResultJson): Record<OutputName, string> {
  const final = result.scores;
  const partial = result.partialScores;
  return {
    'evaluation-id': result.evaluationId ?? '',
    status: result.status,
    gate: result.gate,
    'avg-score': number(final?.avg),
    'min-score': number(final?.min),
    'max-score': number(final?.max),
    // A count of the result's scored samples: 0 when there is no result, never empty.
    'total-samples': String(final?.count ?? 0),
    'partial-avg-score': number(partial?.avg),
    'partial-samples': partial ? String(partial.count) : '',
    'report-url': result.reportUrl ?? '',
    'result-json': JSON.stringify(result),
  };
}

/** The `result-json` of a step that evaluated nothing: the same version, status and gate fields, and why. */
export interface SkippedResultJson {
  version: 1;
  status: Extract<StepStatus, 'skipped'>;
  gate: Extract<Gate, 'inconclusive'>;
  evaluationId: null;
  scores: null;
  reasons: string[];
}

/** Every output of a skipped step: nothing was evaluated, so no id, no scores, a count of 0 and an inconclusive gate. */
export function skippedOutputValues(reason: string): Record<OutputName, string> {
  const result: SkippedResultJson = { version: 1, status: 'skipped', gate: 'inconclusive', evaluationId: null, scores: null, reasons: [reason] };
  const empty = Object.fromEntries(OUTPUT_NAMES.map((name) => [name, ''])) as Record<OutputName, string>;
  return { ...empty, status: result.status, gate: result.gate, 'total-samples': '0', 'result-json': JSON.stringify(result) };
}

/** Warnings for provider values left out of the outputs because they were unsafe. */
export function droppedOutputWarnings(result: ResultJson, raw: { evaluationId?: string; reportUrl?: string }): string[] {
  const warnings: string[] = [];
  if (raw.evaluationId !== undefined && result.evaluationId === null) {
    warnings.push('The provider returned an evaluation id with characters outside [A-Za-z0-9._:/-]; the evaluation-id output is left empty.');
  }
  if (raw.reportUrl !== undefined && result.reportUrl === null) {
    warnings.push('The provider returned a report URL that is not https; the report-url output is left empty.');
  }
  return warnings;
}
