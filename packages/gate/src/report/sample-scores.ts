// The per-sample scores the histogram draws: the samples this run pushed (samples mode) or, for a hosted evaluation,
// the provider's graded samples read once it completed. Bounded: at most MAX_HISTOGRAM_SAMPLES are read.
import type { EvalClient, Evaluation } from '@evalgate/core';

/** Samples read for the histogram at most: enough for its shape, a few pages of requests. */
export const MAX_HISTOGRAM_SAMPLES = 1000;

export interface SampleScores {
  /** One entry per sample; undefined for a sample without a score. */
  scores: Array<number | undefined>;
  /** How many samples the provider holds, when more exist than were read. */
  total?: number;
}

/** The note the histogram shows when it covers part of the samples, e.g. "the first 1000 of 5000". */
export function coverageNote(sampleScores: SampleScores): string | undefined {
  if (sampleScores.total === undefined || sampleScores.total <= sampleScores.scores.length) return undefined;
  return `the first ${sampleScores.scores.length} of ${sampleScores.total}`;
}

/** Scores of samples this run pushed: Prime's `reward`, else `score` (QUIRKS PRIME-2). */
export function pushedSampleScores(samples: ReadonlyArray<{ reward?: number; score?: number }>): SampleScores {
  return { scores: samples.map((sample) => sample.reward ?? sample.score) };
}

/**
 * The graded samples' scores of a completed evaluation, or undefined when the client cannot list samples, the
 * evaluation did not complete, or the read failed (`warn` says why: a missing picture never fails a gate).
 */
export async function readSampleScores(
  client: EvalClient,
  evaluation: Evaluation,
  options: { signal?: AbortSignal; warn: (message: string) => void },
): Promise<SampleScores | undefined> {
  if (evaluation.status !== 'completed' || !client.listSamples) return undefined;
  try {
    const list = await client.listSamples(evaluation.id, { maxSamples: MAX_HISTOGRAM_SAMPLES, ...(options.signal ? { signal: options.signal } : {}) });
    const scores = list.samples.map((sample) => sample.score);
    const total = list.truncated ? (list.total ?? undefined) : undefined;
    return { scores, ...(total !== undefined ? { total } : {}) };
  } catch (error) {
    if (options.signal?.aborted) throw error;
    options.warn(`Could not read the samples of ${evaluation.id} for the score histogram: ${(error as Error).message}`);
    return undefined;
  }
}
