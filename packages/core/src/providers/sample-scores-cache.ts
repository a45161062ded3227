// Per-sample scores a client read while mapping terminal evaluations, kept for `sampleScoresRead`. Bounded twice:
// each entry keeps at most DEFAULT_MAX_SAMPLES scores, and the cache at most MAX_ENTRIES evaluations (oldest out), so
// a long-lived client (the extension) does not grow without end.
import { DEFAULT_MAX_SAMPLES, type SampleScores } from '../domain/samples.js';

const MAX_ENTRIES = 64;

/** Scores in sample order, clipped to DEFAULT_MAX_SAMPLES with the full count in `total` when clipped. */
export function boundedSampleScores(scores: ReadonlyArray<number | undefined>): SampleScores {
  if (scores.length <= DEFAULT_MAX_SAMPLES) return { scores: [...scores] };
  return { scores: scores.slice(0, DEFAULT_MAX_SAMPLES), total: scores.length };
}

export class SampleScoresCache {
  private readonly entries = new Map<string, SampleScores>();

  set(id: string, scores: SampleScores): void {
    this.entries.delete(id);
    this.entries.set(id, scores);
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  get(id: string): SampleScores | undefined {
    const found = this.entries.get(id);
    return found && { scores: [...found.scores], ...(found.total !== undefined ? { total: found.total } : {}) };
  }
}
