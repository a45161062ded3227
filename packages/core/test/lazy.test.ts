import { describe, expect, it } from 'vitest';
import { lazy } from '../src/lazy.js';

describe('lazy', () => {
  it('builds nothing until first asked, then builds once and hands back the same value', () => {
    let builds = 0;
    const value = lazy(() => {
      builds += 1;
      return { built: builds };
    });
    expect(builds).toBe(0);
    const first = value();
    expect(value()).toBe(first);
    expect(first).toEqual({ built: 1 });
    expect(builds).toBe(1);
  });

  it('keeps a built undefined rather than building again', () => {
    let builds = 0;
    const value = lazy(() => {
      builds += 1;
      return undefined;
    });
    value();
    value();
    expect(builds).toBe(1);
  });

  it('builds again after a throw, so a failed build is not kept', () => {
    let builds = 0;
    const value = lazy(() => {
      builds += 1;
      if (builds === 1) throw new Error('first build fails');
      return 'second';
    });
    expect(() => value()).toThrow('first build fails');
    expect(value()).toBe('second');
  });
});
