import type { Emulator } from '@evalgate/emulator';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Poller } from '../../src/logic/poller.js';
import type { EvaluationStore } from '../../src/logic/store.js';
import { API_KEY, emulatorConnection, startTestEmulator, storeFor } from './helpers/emulator.js';

/** The poller as the extension wires it, over a store talking to the emulator; only setTimeout and Date are faked. */
function wire(store: EvaluationStore): Poller {
  const poller = new Poller({
    poll: () => store.pollRound(),
    needsPolling: () => store.nonTerminalCount() > 0,
    intervalMs: () => 5_000,
  });
  store.onDidChange(() => poller.kick());
  return poller;
}

/** Runs due timers, then lets the real HTTP round trip finish. */
async function advance(store: EvaluationStore, ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  await store.inFlight.whenIdle();
  await vi.advanceTimersByTimeAsync(0);
}

describe('poller over the store against the emulator', () => {
  let emulator: Emulator;
  beforeEach(async () => {
    emulator = await startTestEmulator();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(async () => {
    vi.useRealTimers();
    await emulator.close();
  });

  it('watches until every evaluation ended, reporting each finish once, then stops', async () => {
    emulator.seed('prime', 2);
    const connection = emulatorConnection(emulator, 'prime');
    const store = storeFor();
    const poller = wire(store);
    const finished: string[] = [];
    store.onDidFinish(({ evaluation }) => finished.push(`${evaluation.name}: ${evaluation.status}`));
    store.setConnections([{ connection, apiKey: API_KEY }]);
    await store.ensureTopListsLoaded();
    await store.inFlight.whenIdle();
    poller.setVisible(true);
    expect(poller.state).toBe('scheduled');
    const [newest, oldest] = store.evaluations({ connectionId: connection.id })!.items;

    emulator.setStatus('prime', oldest!.id, 'COMPLETED');
    await advance(store, 5_000);
    expect(finished).toEqual(['seeded evaluation 1: completed']);
    expect(poller.state).toBe('scheduled');

    emulator.setStatus('prime', newest!.id, 'FAILED');
    await advance(store, 5_000);
    expect(finished).toEqual(['seeded evaluation 1: completed', 'seeded evaluation 2: failed']);
    expect(poller.state).toBe('stopped');

    const requests = emulator.requests.length;
    await advance(store, 60_000);
    expect(emulator.requests.length).toBe(requests);
    poller.dispose();
  });

  it('waits as long as a 429 Retry-After asks when that exceeds the backoff', async () => {
    emulator.seed('nugen', 1);
    const connection = emulatorConnection(emulator, 'nugen');
    const store = storeFor();
    const poller = wire(store);
    store.setConnections([{ connection, apiKey: API_KEY }]);
    await store.ensureTopListsLoaded();
    await store.inFlight.whenIdle();
    poller.setVisible(true);
    emulator.faults.add({ kind: 'rate-limit', count: 1, retryAfterSeconds: 30 });
    await advance(store, 5_000);
    expect(emulator.requests.at(-1)?.status).toBe(429);
    expect(poller.nextDelayMs).toBe(30_000);
    const requests = emulator.requests.length;
    await advance(store, 29_999);
    expect(emulator.requests.length).toBe(requests);
    await advance(store, 1);
    expect(emulator.requests.length).toBe(requests + 1);
    poller.dispose();
  });

  it('backs off after a 429 and polls quickly after a cancel', async () => {
    emulator.seed('prime', 2);
    const connection = emulatorConnection(emulator, 'prime');
    const store = storeFor();
    const poller = wire(store);
    store.setConnections([{ connection, apiKey: API_KEY }]);
    await store.ensureTopListsLoaded();
    await store.inFlight.whenIdle();
    poller.setVisible(true);

    emulator.faults.add({ kind: 'rate-limit', count: 1, retryAfterSeconds: 1 });
    await advance(store, 5_000);
    expect(emulator.requests.at(-1)?.status).toBe(429);
    expect(poller.nextDelayMs).toBe(10_000);

    await advance(store, 10_000);
    expect(emulator.requests.at(-1)?.status).toBe(200);
    expect(poller.nextDelayMs).toBe(5_000);

    const [target] = store.evaluations({ connectionId: connection.id })!.items;
    await store.cancel(connection.id, target!.id);
    poller.burst();
    expect(poller.nextDelayMs).toBe(500);
    const before = emulator.requests.length;
    await advance(store, 500);
    expect(emulator.requests.length).toBe(before + 1);
    poller.dispose();
  });
});
