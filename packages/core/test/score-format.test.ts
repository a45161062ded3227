import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatScore, formatScores, scoreDecimals, scoreFormatter } from '../src/index.js';

describe('score formatting: one precision per set of values shown together', () => {
  it('prints ordinary scores with two decimals', () => {
    expect(formatScores([0.82, 0.41, 0.97])).toEqual(['0.82', '0.41', '0.97']);
  });

  it('never prints a score below 1 as 1.00', () => {
    expect(formatScore(0.9985)).toBe('0.999');
    expect(formatScores([0.5, 0.2, 0.9985])).toEqual(['0.500', '0.200', '0.999']);
  });

  it('keeps the magnitude of small values', () => {
    expect(formatScore(0.0004)).toBe('0.0004');
    expect(formatScores([0.0027, 0.0004])).toEqual(['0.0027', '0.0004']);
    expect(formatScores([0.0027, 0.0004, 0.5])).toEqual(['0.0027', '0.0004', '0.5000']);
  });

  it('prints exact 0 and 1 as such, with the decimals of their set', () => {
    expect(formatScore(0)).toBe('0.00');
    expect(formatScore(1)).toBe('1.00');
    expect(formatScores([0, 1, 0.5])).toEqual(['0.00', '1.00', '0.50']);
    expect(formatScores([0, 0.0004])).toEqual(['0.0000', '0.0004']);
  });

  it('caps the decimals and still never shows a nonzero value as 0 or a value below 1 as 1', () => {
    expect(scoreDecimals([1e-12])).toBe(6);
    expect(formatScore(1e-12)).toBe('<0.000001');
    expect(formatScore(0.99999999)).toBe('>0.999999');
  });

  it('a bound formatter prints a table with one precision', () => {
    const format = scoreFormatter([0.9985, 0.5]);
    expect([format(0.9985), format(0.5)]).toEqual(['0.999', '0.500']);
  });

  it('holds for any set: nonzero never shows as zero, below 1 never as 1, one count of decimals', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }), (values) => {
        const shown = formatScores(values);
        const decimals = new Set(shown.map((text) => text.replace(/^[<>]/, '').split('.')[1]?.length));
        expect(decimals.size).toBe(1);
        values.forEach((value, index) => {
          const text = shown[index]!;
          if (text.startsWith('<') || text.startsWith('>')) return;
          if (value !== 0) expect(Number(text)).not.toBe(0);
          if (value < 1) expect(Number(text)).toBeLessThan(1);
        });
      }),
    );
  });
});
