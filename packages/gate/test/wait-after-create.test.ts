// The wait after a fresh create, with the real core client against the emulator over HTTP on 127.0.0.1, both on one
// fake clock (sleeping advances it at once): which polls reach the provider, and when.
import { AbortError, createClient, type Evaluation } from '@evalgate/core';
import { startEmulator, type Emulator } from '@evalgate/emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitForTerminal } from '../src/evaluation/wait.js';
import type { Clock } from '../src/ports.js';

/** Virtual time: sleeping advances `now` at once, so waits of minutes take no real time. */
class FakeClock implements Clock {
  current = Date.UTC(2026, 0, 1, 12);
  now(): number {
    return this.current;
  }
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw new AbortError('aborted');
    this.current += Math.max(0, ms);
    await Promise.resolve();
  }
}

const KEY = 'emu-key-wait';

let clock: FakeClock;
let emulator: Emulator;

beforeEach(() => {
  clock = new FakeClock();
});
afterEach(async () => {
  await emulator.close();
});

/** A hosted Prime run of `durationMs` (its first 10% queued), created at the clock's now; the polls' times after it. */
async function waitForRun(durationMs: number, pollIntervalSeconds: number) {
  emulator = await startEmulator({ port: 0, apiKey: KEY, durationMs, seed: 1, sampleCount: 5, now: () => clock.now() });
  const client = createClient({
    provider: 'prime',
    apiKey: KEY,
    baseUrl: emulator.baseUrls.prime,
    maxRetries: 0,
    now: () => clock.now(),
    sleep: (ms, signal) => clock.sleep(ms, signal),
  });
  const created = await client.create({
    provider: 'prime',
    name: 'wait',
    isHosted: true,
    environments: [{ id: 'gsm8k' }],
    inferenceModel: 'llama-3-8b',
    evalConfig: { num_examples: 5, rollouts_per_example: 1 },
  });
  const createdAt = clock.now();
  const seen: Evaluation[] = [];
  const final = await waitForTerminal(created.id, {
    client,
    clock,
    signal: new AbortController().signal,
    deadline: createdAt + 30 * 60_000,
    pollIntervalMs: pollIntervalSeconds * 1000,
    onProgress: (evaluation) => seen.push(evaluation),
    created,
  });
  const polls = emulator.requests.filter((request) => request.method === 'GET').map((request) => request.at - createdAt);
  return { created, final, polls, seen };
}

describe('waitForTerminal after a create', () => {
  it('looks first after 5 s, then once 250 ms after the end that progress since started_at predicts', async () => {
    // 9.5 s: queued until 0.95 s. At 5 s it is 42.7% done since it started, so the end is 4.5 s away.
    const { final, polls, seen } = await waitForRun(9_500, 10);
    expect(final.status).toBe('completed');
    expect(polls).toEqual([5_000, 9_750]);
    // The create said PENDING; both polls were news (RUNNING with progress, then COMPLETED).
    expect(seen.map((evaluation) => evaluation.rawStatus)).toEqual(['RUNNING', 'COMPLETED']);
  });

  it('as a naive 5 s poll when the end is further than one pause: every 5 s, then just past the end', async () => {
    // 14.5 s at poll-interval-seconds 5: a naive loop would get at 5, 10 and 15 s.
    const { polls } = await waitForRun(14_500, 5);
    expect(polls).toEqual([5_000, 10_000, 14_750]);
  });

  it('never waits longer than poll-interval-seconds for the first look', async () => {
    // 3 s at poll-interval-seconds 1: the end (3 s) is never within a pause plus the margin, so polls are 1 s apart.
    const { polls } = await waitForRun(3_000, 1);
    expect(polls).toEqual([1_000, 2_000, 3_000]);
  });
});
