import type { Phase } from '@evalgate/emulator/testing';

// Acme's five states; the emulator keeps its own vocabulary per provider, as for the shipped ones.
const STATE_OF_PHASE: Record<Phase, string> = {
  queued: 'WAITING',
  running: 'WORKING',
  completed: 'DONE',
  failed: 'BROKEN',
  timed_out: 'BROKEN',
  cancelled: 'STOPPED',
};

export const acmeState = (phase: Phase): string => STATE_OF_PHASE[phase];

export function acmePhaseOf(raw: string): Phase | null {
  const found = Object.entries(STATE_OF_PHASE).find(([, state]) => state === raw);
  return found ? (found[0] as Phase) : null;
}
