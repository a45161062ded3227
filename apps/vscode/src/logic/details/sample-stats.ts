import { aggregateScores, type EvaluationSample, type Scores } from '@evalgate/core';

/**
 * The figures the details view shows: the provider's own aggregate when it reported one (it covers every sample),
 * else computed from the samples read; pass rate from the samples' verdicts when the provider gave none.
 */
export function detailsStats(reported: Scores | undefined, samples: readonly EvaluationSample[]): Scores | undefined {
  const verdicts = samples.filter((sample) => sample.passed !== undefined);
  const passRate = verdicts.length > 0 ? verdicts.filter((sample) => sample.passed).length / verdicts.length : undefined;
  const base = reported ?? aggregateScores(scoresOf(samples));
  if (!base) return undefined;
  return base.passRate === undefined && passRate !== undefined ? { ...base, passRate } : base;
}

export function scoresOf(samples: readonly EvaluationSample[]): number[] {
  return samples.map((sample) => sample.score).filter((score): score is number => score !== undefined && Number.isFinite(score));
}

/** Lowest score first (what to look at first when a run regressed); unscored samples last; ties keep provider order. */
export function lowestFirst(samples: readonly EvaluationSample[]): EvaluationSample[] {
  return samples
    .map((sample, index) => ({ sample, index }))
    .sort((a, b) => {
      const left = a.sample.score ?? Number.POSITIVE_INFINITY;
      const right = b.sample.score ?? Number.POSITIVE_INFINITY;
      return left === right ? a.index - b.index : left - right;
    })
    .map(({ sample }) => sample);
}
