import type { EvaluationStatus } from '../domain/evaluation.js';

/** How one provider's raw statuses read in evalgate's vocabulary (the table of docs/wire-contract.md). */
export interface StatusTable {
  readonly statuses: Readonly<Record<string, EvaluationStatus>>;
  /** Match regardless of case (Nugen's docs use two casings, QUIRKS NUGEN-5). */
  readonly caseInsensitive: boolean;
}

/** The normalized status of `raw`; an unrecognised value gives `unknown` so a new provider word never crashes a wait. */
export function lookupStatus(table: StatusTable, raw: string): EvaluationStatus {
  if (typeof raw !== 'string') return 'unknown';
  const key = table.caseInsensitive ? raw.toLowerCase() : raw;
  return Object.hasOwn(table.statuses, key) ? (table.statuses[key] ?? 'unknown') : 'unknown';
}
