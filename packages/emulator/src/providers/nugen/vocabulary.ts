/** Nugen's status words in either documented vocabulary (QUIRKS NUGEN-5), chosen by the emulator setting. */
import type { Phase } from '../../lifecycle.js';
import type { NugenStatusCase } from '../../types.js';

const UPPER: Record<Phase, string> = {
  queued: 'PROCESSING',
  running: 'PROCESSING',
  completed: 'READY',
  failed: 'FAILED',
  // Nugen documents no timeout or cancelled status; both surface as failed.
  timed_out: 'FAILED',
  cancelled: 'FAILED',
};

const LOWER: Record<Phase, string> = {
  queued: 'pending',
  running: 'in_progress',
  completed: 'completed',
  failed: 'failed',
  timed_out: 'failed',
  cancelled: 'failed',
};

const PHASE_BY_WORD: Record<string, Phase> = {
  pending: 'queued',
  queued: 'queued',
  processing: 'running',
  in_progress: 'running',
  running: 'running',
  ready: 'completed',
  completed: 'completed',
  evaluated: 'completed',
  failed: 'failed',
};

export const nugenStatusWord = (phase: Phase, statusCase: NugenStatusCase): string => (statusCase === 'upper' ? UPPER : LOWER)[phase];

/** What a Nugen status word means, in either casing; null for a word neither vocabulary has. */
export const nugenPhaseOfWord = (word: string): Phase | null => PHASE_BY_WORD[word.toLowerCase()] ?? null;

/** The list's `status` filter: both vocabularies, any casing. */
export function matchesStatusFilter(filter: string, phase: Phase): boolean {
  const wanted = nugenPhaseOfWord(filter);
  if (wanted === null) return false;
  // PROCESSING covers the queue too: the upper-case vocabulary has no word for it.
  if (filter.toLowerCase() === 'processing') return phase === 'queued' || phase === 'running';
  if (wanted === 'failed') return phase === 'failed' || phase === 'timed_out' || phase === 'cancelled';
  return wanted === phase;
}
