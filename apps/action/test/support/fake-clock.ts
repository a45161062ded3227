import { AbortError } from '@evalgate/core';
import type { Clock } from '../../src/deps.js';

/** Virtual time: sleeping advances `now` at once, so waits of minutes take no real time. */
export class FakeClock implements Clock {
  constructor(public current = Date.UTC(2026, 0, 1, 12)) {}
  now(): number {
    return this.current;
  }
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw new AbortError('aborted');
    this.current += Math.max(0, ms);
    await Promise.resolve();
    if (signal?.aborted) throw new AbortError('aborted');
  }
}
