import type { EvaluationStatus, ProviderName } from './evaluation.js';

// The normalization table of docs/wire-contract.md. Prime and OpenAI are matched exactly;
// Nugen's docs use two casings and vocabularies (QUIRKS NUGEN-5), so it is matched case-insensitively.
const PRIME: Record<string, EvaluationStatus> = {
  PENDING: 'queued',
  RUNNING: 'running',
  PROCESSING: 'running',
  COMPLETED: 'completed',
  FAILED: 'failed',
  CANCELLED: 'cancelled',
  TIMEOUT: 'timed_out',
};
const OPENAI: Record<string, EvaluationStatus> = {
  queued: 'queued',
  in_progress: 'running',
  completed: 'completed',
  failed: 'failed',
  canceled: 'cancelled',
  cancelled: 'cancelled',
};
const NUGEN: Record<string, EvaluationStatus> = {
  pending: 'queued',
  queued: 'queued',
  processing: 'running',
  in_progress: 'running',
  running: 'running',
  ready: 'completed',
  completed: 'completed',
  evaluated: 'completed',
  failed: 'failed',
  // Not in Nugen's docs; kept so such an answer ends a wait instead of polling on.
  error: 'failed',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  timeout: 'timed_out',
};

/** Maps a provider's raw status to the normalized one; never throws, unrecognised values give `unknown`. */
export function normalizeStatus(provider: ProviderName, raw: string): EvaluationStatus {
  if (typeof raw !== 'string') return 'unknown';
  const table = provider === 'prime' ? PRIME : provider === 'openai' ? OPENAI : provider === 'nugen' ? NUGEN : undefined;
  if (!table) return 'unknown';
  const key = provider === 'nugen' ? raw.toLowerCase() : raw;
  return Object.hasOwn(table, key) ? (table[key] ?? 'unknown') : 'unknown';
}
