import type { Scores } from '../../domain/evaluation.js';
import type { PrimeSample } from './request.js';
import { aggregateScores } from '../../domain/scores.js';

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * The sample as pushed: Prime's tooling reads the score from `reward` (SDK, verifiers), while the SDK model and the
 * CLI help also name `score` (QUIRKS PRIME-2), so both carry the value. A caller who set both keeps both.
 */
export function withReward(sample: PrimeSample): PrimeSample {
  const value = finite(sample.reward) ? sample.reward : finite(sample.score) ? sample.score : undefined;
  if (value === undefined) return sample;
  return { ...sample, reward: finite(sample.reward) ? sample.reward : value, score: finite(sample.score) ? sample.score : value };
}

/** The number a sample is scored by: `reward`, else `score` (the emulator's and QUIRKS PRIME-2's rule). */
export function sampleValue(sample: unknown): number | undefined {
  if (sample === null || typeof sample !== 'object') return undefined;
  const { reward, score } = sample as { reward?: unknown; score?: unknown };
  return finite(reward) ? reward : finite(score) ? score : undefined;
}

/** avg/min/max over the samples that carry a number; undefined when none does. */
export function scoresOfSamples(samples: readonly unknown[]): Scores | undefined {
  const values = samples.map(sampleValue).filter((value): value is number => value !== undefined);
  return aggregateScores(values);
}
