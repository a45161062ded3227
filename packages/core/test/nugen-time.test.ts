import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nugenTime } from '../src/providers/nugen/time.js';

// A runner far from UTC: reading an offset-less time as local would shift it by hours here.
let savedTz: string | undefined;
beforeEach(() => {
  savedTz = process.env.TZ;
  process.env.TZ = 'America/New_York';
});
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

describe('nugenTime (X-2)', () => {
  it.each([
    ['2026-03-10T10:43:12.826791', '2026-03-10T10:43:12.826Z'],
    ['2026-03-10T10:43:12', '2026-03-10T10:43:12.000Z'],
    ['2026-03-10 10:43', '2026-03-10T10:43:00.000Z'],
    ['2024-01-15T10:30:00Z', '2024-01-15T10:30:00.000Z'],
    ['2024-01-15T10:30:00+02:00', '2024-01-15T08:30:00.000Z'],
  ])('%s → %s', (value, expected) => {
    expect(nugenTime(value)?.toISOString()).toBe(expected);
  });

  it('gives undefined, never an Invalid Date, for what is not a time', () => {
    expect(nugenTime('soon')).toBeUndefined();
    expect(nugenTime(null)).toBeUndefined();
    expect(nugenTime(undefined)).toBeUndefined();
  });
});
