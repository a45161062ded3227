import type { Evaluation } from '@evalgate/core';

/** A completed Prime evaluation; an override set to undefined removes that field. */
export function evaluation(overrides: { [K in keyof Evaluation]?: Evaluation[K] | undefined } = {}): Evaluation {
  const base: Evaluation = {
    provider: 'prime',
    id: 'ev_1',
    name: 'nightly',
    status: 'completed',
    rawStatus: 'COMPLETED',
    scores: { avg: 0.8, min: 0.5, max: 1, count: 10 },
    capabilities: { canCancel: false, canFinalize: true },
  };
  const merged: Record<string, unknown> = { ...base, ...overrides };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  return merged as unknown as Evaluation;
}
