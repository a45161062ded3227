import type { Emulator } from '@evalgate/emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FinishedEvent } from '../../src/logic/store.js';
import { API_KEY, emulatorConnection, startTestEmulator, storeFor } from './helpers/emulator.js';

describe('EvaluationStore polls and cancels against the emulator', () => {
  let emulator: Emulator;
  beforeEach(async () => {
    emulator = await startTestEmulator();
  });
  afterEach(async () => {
    await emulator.close();
  });

  it('cancel flips the row to cancelled at once, without reloading the list', async () => {
    emulator.seed('prime', 3);
    const connection = emulatorConnection(emulator, 'prime');
    const store = storeFor();
    store.setConnections([{ connection, apiKey: API_KEY }]);
    await store.ensureTopListsLoaded();
    await store.inFlight.whenIdle();
    const target = store.evaluations({ connectionId: connection.id })?.items[1];
    expect(target?.capabilities.canCancel).toBe(true);
    const listRequestsBefore = emulator.requests.filter((entry) => entry.method === 'GET').length;

    const cancelled = await store.cancel(connection.id, target!.id);

    expect(cancelled.status).toBe('cancelled');
    expect(store.findEvaluation(connection.id, target!.id)?.status).toBe('cancelled');
    expect(emulator.requests.filter((entry) => entry.method === 'GET' && entry.path.includes('?')).length).toBe(listRequestsBefore);
    expect(store.nonTerminalCount()).toBe(2);
  });

  it('a poll round updates non-terminal rows and reports each that finished', async () => {
    emulator.seed('prime', 3);
    const connection = emulatorConnection(emulator, 'prime');
    const store = storeFor();
    store.setConnections([{ connection, apiKey: API_KEY }]);
    await store.ensureTopListsLoaded();
    await store.inFlight.whenIdle();
    const [first, second] = store.evaluations({ connectionId: connection.id })?.items ?? [];
    const finished: FinishedEvent[] = [];
    store.onDidFinish((event) => finished.push(event));

    emulator.setStatus('prime', first!.id, 'COMPLETED');
    emulator.setStatus('prime', second!.id, 'RUNNING');
    const result = await store.pollRound();

    expect(result).toEqual({ polled: 3, pending: 2 });
    expect(store.findEvaluation(connection.id, first!.id)?.status).toBe('completed');
    expect(store.findEvaluation(connection.id, second!.id)?.status).toBe('running');
    expect(finished.map((event) => event.evaluation.id)).toEqual([first!.id]);

    // Terminal rows are not polled again.
    const before = emulator.requests.length;
    await store.pollRound();
    const polledPaths = emulator.requests.slice(before).map((entry) => entry.path);
    expect(polledPaths).toHaveLength(2);
    expect(polledPaths.some((path) => path.includes(first!.id))).toBe(false);
  });

  it('polls at most a batch per round, least recently polled first', async () => {
    emulator.seed('prime', 5);
    const connection = emulatorConnection(emulator, 'prime');
    const store = storeFor({ pollBatchSize: 2 });
    store.setConnections([{ connection, apiKey: API_KEY }]);
    await store.ensureTopListsLoaded();
    await store.inFlight.whenIdle();
    const start = emulator.requests.length;
    await store.pollRound();
    await store.pollRound();
    await store.pollRound();
    const ids = emulator.requests.slice(start).map((entry) => entry.path.split('/').pop());
    expect(ids).toHaveLength(6);
    expect(new Set(ids.slice(0, 5)).size).toBe(5);
  });

  it('a rate-limited poll throws a RateLimitError, sends one request (no hidden retries) and reports its wait', async () => {
    emulator.seed('nugen', 2);
    const connection = emulatorConnection(emulator, 'nugen');
    const store = storeFor();
    store.setConnections([{ connection, apiKey: API_KEY }]);
    await store.ensureTopListsLoaded();
    await store.inFlight.whenIdle();
    const failures: Array<{ kind: string; retryAfterMs: number | undefined }> = [];
    store.onDidFail(({ failure }) => failures.push({ kind: failure.kind, retryAfterMs: failure.retryAfterMs }));
    emulator.faults.add({ kind: 'rate-limit', count: 5, retryAfterSeconds: 7 });
    const start = emulator.requests.length;
    await expect(store.pollRound()).rejects.toMatchObject({ name: 'RateLimitError', retryAfterMs: 7_000 });
    expect(emulator.requests.length - start).toBe(1);
    expect(failures).toEqual([{ kind: 'rateLimited', retryAfterMs: 7_000 }]);
  });

  it('drops a row whose evaluation is gone (404) during a poll', async () => {
    emulator.seed('nugen', 2);
    const connection = emulatorConnection(emulator, 'nugen');
    const store = storeFor();
    store.setConnections([{ connection, apiKey: API_KEY }]);
    await store.ensureTopListsLoaded();
    await store.inFlight.whenIdle();
    const [gone] = store.evaluations({ connectionId: connection.id })?.items ?? [];
    const response = await fetch(`${emulator.baseUrls.nugen}/api/v3/evaluations/${gone!.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${API_KEY}` },
    });
    expect(response.status).toBe(200);
    await store.pollRound();
    expect(store.findEvaluation(connection.id, gone!.id)).toBeUndefined();
    expect(store.evaluations({ connectionId: connection.id })?.items).toHaveLength(1);
  });
});
