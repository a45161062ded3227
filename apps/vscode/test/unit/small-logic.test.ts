import type { Evaluation } from '@evalgate/core';
import { describe, expect, it } from 'vitest';
import { connectionTitle } from '../../src/logic/connection.js';
import { Emitter } from '../../src/logic/emitter.js';
import { InFlightTracker } from '../../src/logic/in-flight.js';
import { toItemRef } from '../../src/logic/item-ref.js';
import { countActive, statusBarText } from '../../src/logic/running-count.js';

describe('toItemRef', () => {
  it('accepts a connection id, a tree node or a snapshot, and ignores extra fields', () => {
    expect(toItemRef('prime@http://x')).toEqual({ connectionId: 'prime@http://x' });
    expect(toItemRef({ kind: 'evaluation', connectionId: 'c', evaluationId: 'e', label: 'x', extra: 1 })).toEqual({
      connectionId: 'c',
      evaluationId: 'e',
    });
    expect(toItemRef({ connectionId: 'c', groupId: 'g' })).toEqual({ connectionId: 'c', groupId: 'g' });
  });

  it('rejects what it cannot read', () => {
    for (const bad of [undefined, null, '', '  ', 42, {}, { connectionId: 3 }]) expect(toItemRef(bad)).toBeUndefined();
  });
});

describe('running counter', () => {
  const withStatus = (status: Evaluation['status']): Evaluation => ({
    provider: 'prime',
    id: status,
    name: status,
    status,
    rawStatus: status,
    capabilities: { canCancel: false, canFinalize: false },
  });

  it('counts running and queued, and hides the item when there are none', () => {
    const counts = countActive(['running', 'running', 'queued', 'completed', 'unknown'].map((s) => withStatus(s as Evaluation['status'])));
    expect(counts).toEqual({ running: 2, queued: 1 });
    expect(statusBarText(counts)).toBe('$(sync~spin) 2 running, 1 queued');
    expect(statusBarText({ running: 1, queued: 0 })).toBe('$(sync~spin) 1 running');
    expect(statusBarText({ running: 0, queued: 0 })).toBeUndefined();
  });
});

describe('connection title', () => {
  it('is provider · host:port', () => {
    expect(connectionTitle({ provider: 'openai', baseUrl: 'http://127.0.0.1:4010/v1' })).toBe('openai · 127.0.0.1:4010');
    expect(connectionTitle({ provider: 'prime', baseUrl: 'https://api.primeintellect.ai' })).toBe('prime · api.primeintellect.ai');
  });
});

describe('InFlightTracker', () => {
  it('waits for a request that starts while an earlier one finishes', async () => {
    const tracker = new InFlightTracker();
    const order: string[] = [];
    let releaseFirst!: () => void;
    let releaseSecond!: () => void;
    void tracker
      .track(() => new Promise<void>((resolve) => (releaseFirst = resolve)))
      .then(() => {
        void tracker.track(() => new Promise<void>((resolve) => (releaseSecond = resolve))).then(() => order.push('second'));
      });
    const idle = tracker.whenIdle().then(() => order.push('idle'));
    releaseFirst();
    await new Promise((resolve) => setImmediate(resolve));
    expect(tracker.busy).toBe(true);
    releaseSecond();
    await idle;
    expect(order).toEqual(['second', 'idle']);
  });
});

describe('Emitter', () => {
  it('stops calling a disposed listener', () => {
    const emitter = new Emitter<number>();
    const seen: number[] = [];
    const subscription = emitter.event((value) => seen.push(value));
    emitter.fire(1);
    subscription.dispose();
    emitter.fire(2);
    expect(seen).toEqual([1]);
  });
});
