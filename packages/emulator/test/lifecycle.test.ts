import { describe, expect, it } from 'vitest';
import { effectiveState, simulatedState, type Simulation } from '../src/lifecycle.js';
import { mulberry32, seededScores } from '../src/random.js';

const sim = (overrides: Partial<Simulation> = {}): Simulation => ({
  createdAt: 10_000,
  durationMs: 1000,
  outcome: 'completed',
  clientDriven: false,
  finalizedAt: null,
  cancelledAt: null,
  forcedStatus: null,
  forcedAt: null,
  ...overrides,
});

describe('simulatedState', () => {
  it('is queued for the first 10%, running with linear progress, then terminal at createdAt + durationMs', () => {
    expect(simulatedState(sim(), 10_099)).toEqual({ phase: 'queued', progress: 0, terminalAt: null });
    expect(simulatedState(sim(), 10_100)).toEqual({ phase: 'running', progress: 0, terminalAt: null });
    expect(simulatedState(sim(), 10_325)).toEqual({ phase: 'running', progress: 0.25, terminalAt: null });
    expect(simulatedState(sim(), 11_000)).toEqual({ phase: 'completed', progress: 1, terminalAt: 11_000 });
    expect(simulatedState(sim({ outcome: 'timeout' }), 20_000).phase).toBe('timed_out');
  });

  it('is terminal at once with durationMs 0', () => {
    expect(simulatedState(sim({ durationMs: 0 }), 10_000)).toEqual({ phase: 'completed', progress: 1, terminalAt: 10_000 });
  });

  it('a cancel only counts if it came before the natural end', () => {
    expect(simulatedState(sim({ cancelledAt: 10_500 }), 12_000)).toMatchObject({ phase: 'cancelled', terminalAt: 10_500 });
    expect(simulatedState(sim({ cancelledAt: 11_000 }), 12_000)).toMatchObject({ phase: 'completed', terminalAt: 11_000 });
  });

  it('client-driven ones run until finalized', () => {
    expect(simulatedState(sim({ clientDriven: true }), 99_000).phase).toBe('running');
    expect(simulatedState(sim({ clientDriven: true, finalizedAt: 12_345 }), 99_000)).toEqual({
      phase: 'completed',
      progress: 1,
      terminalAt: 12_345,
    });
  });
});

describe('effectiveState', () => {
  it('keeps the simulated behaviour for unknown forced statuses and honours known ones', () => {
    const forced = sim({ forcedStatus: 'MYSTERY', forcedAt: 10_200 });
    expect(effectiveState(forced, 10_500, null)).toEqual(simulatedState(forced, 10_500));
    expect(effectiveState(forced, 10_500, 'failed')).toMatchObject({ phase: 'failed', terminalAt: 10_200 });
    expect(effectiveState(forced, 10_500, 'running')).toMatchObject({ phase: 'running', terminalAt: null });
  });
});

describe('seeded scores', () => {
  it('are reproducible, in [0,1], and differ by ordinal', () => {
    expect(seededScores(3, 1, 50)).toEqual(seededScores(3, 1, 50));
    expect(seededScores(3, 2, 50)).not.toEqual(seededScores(3, 1, 50));
    for (const score of seededScores(3, 1, 1000)) expect(score >= 0 && score <= 1).toBe(true);
    const next = mulberry32(42);
    expect(next()).not.toBe(next());
  });
});
