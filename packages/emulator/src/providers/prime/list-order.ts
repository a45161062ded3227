/** The order of `GET /api/v1/evaluations/`, which Prime does not document (QUIRKS PRIME-3): switchable for tests. */
import { mulberry32 } from '../../random.js';
import type { PrimeListOrder } from '../../types.js';

/**
 * `oldestFirst` in the chosen order. The shuffle is seeded by the emulator seed and the list's length, so it stays
 * the same from page to page until an evaluation is added or removed.
 */
export function inListOrder<T>(oldestFirst: readonly T[], order: PrimeListOrder, seed: number): T[] {
  if (order === 'oldest-first') return [...oldestFirst];
  if (order === 'newest-first') return [...oldestFirst].reverse();
  const shuffled = [...oldestFirst];
  const next = mulberry32(seed ^ (shuffled.length * 0x9e3779b1));
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j] as T, shuffled[i] as T];
  }
  return shuffled;
}
