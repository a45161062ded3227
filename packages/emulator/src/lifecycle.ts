/**
 * The simulated lifecycle, derived lazily from the clock (no timers): the first 10% of `durationMs` queued,
 * then running with progress, then terminal with the configured outcome — unless cancelled, finalized or forced.
 */
import type { Outcome } from './types.js';

export type Phase = 'queued' | 'running' | 'completed' | 'failed' | 'timed_out' | 'cancelled';

export interface Simulation {
  createdAt: number;
  durationMs: number;
  outcome: Outcome;
  /** Client-driven (Prime non-hosted): running from creation until finalized. */
  clientDriven: boolean;
  /** Created but never started (Prime `is_hosted` through `/evaluations/`): queued until cancelled or finalized. */
  dormant?: boolean;
  finalizedAt: number | null;
  cancelledAt: number | null;
  /** A raw provider status forced through `setStatus`, shown verbatim until cleared. */
  forcedStatus: string | null;
  forcedAt: number | null;
}

export interface LifecycleState {
  phase: Phase;
  /** 0..1 */
  progress: number;
  /** When the evaluation became terminal (ms), null while it is not. */
  terminalAt: number | null;
}

const QUEUED_FRACTION = 0.1;

export function isTerminal(phase: Phase): boolean {
  return phase !== 'queued' && phase !== 'running';
}

function outcomePhase(outcome: Outcome): Phase {
  return outcome === 'timeout' ? 'timed_out' : outcome;
}

/** The state the simulation would be in at `now`, ignoring any forced status. */
export function simulatedState(sim: Simulation, now: number): LifecycleState {
  if (sim.dormant) {
    if (sim.cancelledAt !== null && sim.cancelledAt <= now) return { phase: 'cancelled', progress: 0, terminalAt: sim.cancelledAt };
    if (sim.finalizedAt !== null && sim.finalizedAt <= now) return { phase: 'completed', progress: 1, terminalAt: sim.finalizedAt };
    return { phase: 'queued', progress: 0, terminalAt: null };
  }
  if (sim.clientDriven) {
    if (sim.finalizedAt !== null && sim.finalizedAt <= now) {
      return { phase: 'completed', progress: 1, terminalAt: sim.finalizedAt };
    }
    return { phase: 'running', progress: 0, terminalAt: null };
  }
  const naturalEnd = sim.createdAt + sim.durationMs;
  if (sim.cancelledAt !== null && sim.cancelledAt < naturalEnd && sim.cancelledAt <= now) {
    return { phase: 'cancelled', progress: progressAt(sim, sim.cancelledAt), terminalAt: sim.cancelledAt };
  }
  if (now >= naturalEnd) {
    const phase = outcomePhase(sim.outcome);
    return { phase, progress: phase === 'completed' ? 1 : progressAt(sim, now), terminalAt: naturalEnd };
  }
  const queuedUntil = sim.createdAt + sim.durationMs * QUEUED_FRACTION;
  if (now < queuedUntil) return { phase: 'queued', progress: 0, terminalAt: null };
  return { phase: 'running', progress: progressAt(sim, now), terminalAt: null };
}

/**
 * When the run left the queue and started working (ms), null while queued or when it never started (dormant, or
 * cancelled in the queue). Pushed (client-driven) evaluations run from their creation.
 */
export function startedAt(sim: Simulation, state: LifecycleState): number | null {
  if (sim.dormant || state.phase === 'queued') return null;
  if (sim.clientDriven) return sim.createdAt;
  const queueEnd = sim.createdAt + sim.durationMs * QUEUED_FRACTION;
  const stoppedAt = state.terminalAt ?? Infinity;
  return stoppedAt < queueEnd ? null : queueEnd;
}

function progressAt(sim: Simulation, at: number): number {
  const queuedMs = sim.durationMs * QUEUED_FRACTION;
  const runningMs = sim.durationMs - queuedMs;
  if (runningMs <= 0) return at >= sim.createdAt + sim.durationMs ? 1 : 0;
  return Math.min(1, Math.max(0, (at - sim.createdAt - queuedMs) / runningMs));
}

/**
 * The state including a forced raw status: `forcedPhase` is what the provider's own vocabulary says that raw status means
 * (null for unknown ones, which keep the simulated behaviour but show the raw status).
 */
export function effectiveState(sim: Simulation, now: number, forcedPhase: Phase | null): LifecycleState {
  const simulated = simulatedState(sim, now);
  if (sim.forcedStatus === null || forcedPhase === null) return simulated;
  if (isTerminal(forcedPhase)) {
    return {
      phase: forcedPhase,
      progress: forcedPhase === 'completed' ? 1 : simulated.progress,
      terminalAt: simulated.terminalAt ?? sim.forcedAt ?? now,
    };
  }
  return { phase: forcedPhase, progress: simulated.progress, terminalAt: null };
}
