import { RateLimitError, ServerError } from '@evalgate/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Poller, type PollerOptions } from '../../src/logic/poller.js';

/** A poll whose rounds the test finishes by hand, to see what the poller does meanwhile. */
function controlledPoll() {
  const rounds: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  const poll = vi.fn(
    () =>
      new Promise<{ pending: number }>((resolve, reject) => {
        rounds.push({ resolve: () => resolve({ pending: 1 }), reject });
      }),
  );
  return { poll, rounds };
}

function makePoller(overrides: Partial<PollerOptions> & Pick<PollerOptions, 'poll'>): Poller {
  return new Poller({ needsPolling: () => true, intervalMs: () => 5_000, ...overrides });
}

describe('Poller', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('polls every interval while visible, and never starts a round while one is in flight', async () => {
    const { poll, rounds } = controlledPoll();
    const poller = makePoller({ poll });
    poller.setVisible(true);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(poll).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(poll).toHaveBeenCalledTimes(1);

    // A slow round: time passes, kicks arrive, still one request.
    await vi.advanceTimersByTimeAsync(60_000);
    poller.kick();
    poller.burst();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(poll).toHaveBeenCalledTimes(1);
    expect(poller.state).toBe('polling');

    rounds[0]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(poller.state).toBe('scheduled');
    poller.dispose();
  });

  it('backs off exponentially after errors, capped, and returns to the interval after a success', async () => {
    let fail = true;
    const poll = vi.fn(async () => {
      if (fail) throw new ServerError('boom', { provider: 'prime', status: 503 });
      return { pending: 1 };
    });
    const poller = makePoller({ poll, maxIntervalMs: 30_000 });
    poller.setVisible(true);
    const delays: number[] = [];
    for (let round = 1; round <= 4; round += 1) {
      await vi.advanceTimersByTimeAsync(poller.nextDelayMs ?? 0);
      expect(poll).toHaveBeenCalledTimes(round);
      delays.push(poller.nextDelayMs!);
    }
    expect(delays).toEqual([10_000, 20_000, 30_000, 30_000]);
    fail = false;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(poller.nextDelayMs).toBe(5_000);
    poller.dispose();
  });

  it('waits at least the Retry-After of a 429 when the error carries one', async () => {
    const poll = vi.fn(async () => {
      throw new RateLimitError('slow down', { provider: 'openai', status: 429, retryAfterMs: 45_000 });
    });
    const poller = makePoller({ poll });
    poller.setVisible(true);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(poller.nextDelayMs).toBe(45_000);
    poller.dispose();
  });

  it('polls quickly right after burst(), then at the interval', async () => {
    const poll = vi.fn(async () => ({ pending: 1 }));
    const poller = makePoller({ poll, burstDelaysMs: [500, 1_000] });
    poller.setVisible(true);
    poller.burst();
    expect(poller.nextDelayMs).toBe(500);
    await vi.advanceTimersByTimeAsync(500);
    expect(poll).toHaveBeenCalledTimes(1);
    expect(poller.nextDelayMs).toBe(1_000);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(poll).toHaveBeenCalledTimes(2);
    expect(poller.nextDelayMs).toBe(5_000);
    poller.dispose();
  });

  it('stops when the view is hidden and resumes when it is shown', async () => {
    const poll = vi.fn(async () => ({ pending: 1 }));
    const poller = makePoller({ poll });
    poller.setVisible(true);
    poller.setVisible(false);
    expect(poller.state).toBe('stopped');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(poll).not.toHaveBeenCalled();
    poller.kick();
    expect(poller.state).toBe('stopped');
    poller.setVisible(true);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(poll).toHaveBeenCalledTimes(1);
    poller.dispose();
  });

  it('keeps watching at the background cadence while hidden, and returns to the regular one when shown', async () => {
    const poll = vi.fn(async () => ({ pending: 1 }));
    const poller = makePoller({ poll, backgroundIntervalMs: () => 60_000 });
    poller.setVisible(true);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(poll).toHaveBeenCalledTimes(1);
    poller.setVisible(false);
    expect(poller.state).toBe('scheduled');
    expect(poller.nextDelayMs).toBe(60_000);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(poll).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(poll).toHaveBeenCalledTimes(2);
    expect(poller.nextDelayMs).toBe(60_000);
    // Shown again: the waiting round moves up to the regular cadence.
    poller.setVisible(true);
    expect(poller.nextDelayMs).toBe(5_000);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(poll).toHaveBeenCalledTimes(3);
    poller.dispose();
  });

  it('starts watching while hidden when a list loads something running, and not when nothing is', async () => {
    let pending = false;
    const poll = vi.fn(async () => ({ pending: 1 }));
    const poller = makePoller({ poll, needsPolling: () => pending, backgroundIntervalMs: () => 60_000 });
    poller.kick();
    expect(poller.state).toBe('stopped');
    pending = true;
    poller.kick();
    expect(poller.state).toBe('scheduled');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(poll).toHaveBeenCalledTimes(1);
    poller.dispose();
  });

  it('stops when nothing needs polling, and a kick starts it again', async () => {
    let pending = 1;
    const poll = vi.fn(async () => {
      pending = 0;
      return { pending };
    });
    const poller = makePoller({ poll, needsPolling: () => pending > 0 });
    poller.setVisible(true);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(poll).toHaveBeenCalledTimes(1);
    expect(poller.state).toBe('stopped');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(poll).toHaveBeenCalledTimes(1);
    pending = 2;
    poller.kick();
    expect(poller.state).toBe('scheduled');
    poller.dispose();
  });

  it('gives up after the session deadline until restart()', async () => {
    const poll = vi.fn(async () => ({ pending: 1 }));
    const log: string[] = [];
    const poller = makePoller({ poll, sessionDeadlineMs: 20_000, onLog: (message) => log.push(message) });
    poller.setVisible(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(poll).toHaveBeenCalledTimes(3);
    expect(poller.state).toBe('expired');
    expect(log.some((line) => line.includes('deadline'))).toBe(true);
    poller.kick();
    expect(poller.state).toBe('expired');
    poller.restart();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(poll).toHaveBeenCalledTimes(4);
    poller.dispose();
  });
});
