/** Deterministic scores: a small seeded PRNG so the same seed and creation order give the same numbers. */

/** mulberry32: a tiny 32-bit PRNG, good enough for test data and fully reproducible. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` scores in [0,1] (4 decimals) for the evaluation created `ordinal`-th under `seed`. */
export function seededScores(seed: number, ordinal: number, count: number): number[] {
  const next = mulberry32(seed + ordinal);
  return Array.from({ length: count }, () => Math.round(next() * 10_000) / 10_000);
}
