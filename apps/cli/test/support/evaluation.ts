import type { Evaluation } from '@evalgate/core';

export function evaluation(overrides: Partial<Evaluation> = {}): Evaluation {
  return {
    provider: 'prime',
    id: 'ev_1',
    name: 'nightly',
    status: 'completed',
    rawStatus: 'COMPLETED',
    scores: { avg: 0.8, min: 0.5, max: 1, count: 10 },
    capabilities: { canCancel: false, canFinalize: true },
    ...overrides,
  };
}
