import type { EvaluationSample, Scores } from '@evalgate/core';

export interface FigureDelta {
  before?: number;
  after?: number;
  /** after − before, when both are known. */
  delta?: number;
}

export interface SampleChange {
  id: string;
  before: EvaluationSample;
  after: EvaluationSample;
  /** after − before score. */
  delta: number;
}

export interface Comparison {
  avg: FigureDelta;
  min: FigureDelta;
  max: FigureDelta;
  count: FigureDelta;
  passRate: FigureDelta;
  /** Samples present in both (same id) with a score in both. */
  matched: number;
  /** The matched samples whose score moved, largest move first (regressions before improvements on a tie). */
  changed: SampleChange[];
}

/**
 * `after` against `before`: the deltas of the aggregates and, where sample ids match (Prime example ids, Nugen
 * question ids), the samples that changed most. Samples without an id in the other run are not compared.
 */
export function compareEvaluations(
  before: { scores?: Scores; samples: readonly EvaluationSample[] },
  after: { scores?: Scores; samples: readonly EvaluationSample[] },
  limit = 20,
): Comparison {
  const figure = (pick: (scores: Scores) => number | undefined): FigureDelta => {
    const left = before.scores ? pick(before.scores) : undefined;
    const right = after.scores ? pick(after.scores) : undefined;
    return {
      ...(left !== undefined ? { before: left } : {}),
      ...(right !== undefined ? { after: right } : {}),
      ...(left !== undefined && right !== undefined ? { delta: right - left } : {}),
    };
  };
  const earlier = new Map<string, EvaluationSample>();
  for (const sample of before.samples) if (!earlier.has(sample.id)) earlier.set(sample.id, sample);
  const changes: SampleChange[] = [];
  let matched = 0;
  const seen = new Set<string>();
  for (const sample of after.samples) {
    const previous = earlier.get(sample.id);
    if (!previous || seen.has(sample.id) || previous.score === undefined || sample.score === undefined) continue;
    seen.add(sample.id);
    matched += 1;
    const delta = sample.score - previous.score;
    if (delta !== 0) changes.push({ id: sample.id, before: previous, after: sample, delta });
  }
  changes.sort((a, b) => {
    const bySize = Math.abs(b.delta) - Math.abs(a.delta);
    // Moves equal but for float noise (0.9 − 0.2 vs 0.8 − 0.1) are a tie: the regression comes first.
    return Math.abs(bySize) > 1e-9 ? bySize : a.delta - b.delta;
  });
  return {
    avg: figure((scores) => scores.avg),
    min: figure((scores) => scores.min),
    max: figure((scores) => scores.max),
    count: figure((scores) => scores.count),
    passRate: figure((scores) => scores.passRate),
    matched,
    changed: changes.slice(0, limit),
  };
}
