import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateScores } from '../src/index.js';

describe('aggregateScores', () => {
  it('computes avg, min, max and count', () => {
    expect(aggregateScores([0.5, 1, 0])).toEqual({ avg: 0.5, min: 0, max: 1, count: 3 });
  });

  it('gives undefined ("no samples") for an empty list, never NaN', () => {
    expect(aggregateScores([])).toBeUndefined();
  });

  it('ignores non-finite values, and a list of only those has no samples', () => {
    expect(aggregateScores([NaN, 1, Infinity, 3, -Infinity])).toEqual({ avg: 2, min: 1, max: 3, count: 2 });
    expect(aggregateScores([NaN, Infinity])).toBeUndefined();
  });

  it('keeps min ≤ avg ≤ max, count = number of finite values, and never NaN', () => {
    fc.assert(
      fc.property(fc.array(fc.double()), (values) => {
        const finite = values.filter(Number.isFinite);
        const scores = aggregateScores(values);
        if (finite.length === 0) {
          expect(scores).toBeUndefined();
          return;
        }
        expect(scores).toBeDefined();
        const { avg, min, max, count } = scores!;
        expect(Number.isNaN(avg)).toBe(false);
        expect(Number.isFinite(avg)).toBe(true);
        expect(min).toBeLessThanOrEqual(avg);
        expect(avg).toBeLessThanOrEqual(max);
        expect(count).toBe(finite.length);
        expect(min).toBe(Math.min(...finite));
        expect(max).toBe(Math.max(...finite));
      }),
    );
  });

  it('keeps the mean of identical values equal to that value', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 1, max: 50 }), (value, n) => {
        expect(aggregateScores(Array.from({ length: n }, () => value))?.avg).toBe(value);
      }),
    );
  });
});
