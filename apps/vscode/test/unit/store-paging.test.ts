import type { Emulator } from '@evalgate/emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_KEY, emulatorConnection, startTestEmulator, storeFor } from './helpers/emulator.js';

describe('EvaluationStore paging against the emulator', () => {
  let emulator: Emulator;
  beforeEach(async () => {
    emulator = await startTestEmulator();
  });
  afterEach(async () => {
    await emulator.close();
  });

  it('loads 250 Prime evaluations one page per request, newest first, only when asked', async () => {
    emulator.seed('prime', 250);
    const connection = emulatorConnection(emulator, 'prime');
    const store = storeFor({ pageSize: 100 });
    store.setConnections([{ connection, apiKey: API_KEY }]);
    const listRequests = () => emulator.requests.filter((entry) => entry.method === 'GET' && entry.provider === 'prime').length;

    await store.ensureTopListsLoaded();
    let list = store.evaluations({ connectionId: connection.id });
    expect(list?.items).toHaveLength(100);
    expect(list?.total).toBe(250);
    expect(list?.nextCursor).toBeDefined();
    expect(listRequests()).toBe(1);

    // Asking again for a loaded list sends nothing.
    await store.ensureLoaded({ connectionId: connection.id });
    expect(listRequests()).toBe(1);

    await store.loadMore({ connectionId: connection.id });
    await store.loadMore({ connectionId: connection.id });
    list = store.evaluations({ connectionId: connection.id });
    expect(list?.items).toHaveLength(250);
    expect(list?.nextCursor).toBeUndefined();
    expect(listRequests()).toBe(3);
    expect(new Set(list?.items.map((evaluation) => evaluation.id)).size).toBe(250);
    expect(list?.items[0]?.name).toBe('seeded evaluation 250');
    expect(list?.items[249]?.name).toBe('seeded evaluation 1');

    // The last page is the last: no further request.
    await store.loadMore({ connectionId: connection.id });
    expect(listRequests()).toBe(3);
  });

  it('shares one request between concurrent loads of the same list', async () => {
    emulator.seed('prime', 10);
    const connection = emulatorConnection(emulator, 'prime');
    const store = storeFor();
    store.setConnections([{ connection, apiKey: API_KEY }]);
    await Promise.all([store.ensureLoaded({ connectionId: connection.id }), store.ensureLoaded({ connectionId: connection.id })]);
    expect(emulator.requests.filter((entry) => entry.method === 'GET')).toHaveLength(1);
    expect(store.evaluations({ connectionId: connection.id })?.items).toHaveLength(10);
  });

  it('lists OpenAI evals first and the runs of an eval page by page', async () => {
    emulator.seed('openai', 120);
    const connection = emulatorConnection(emulator, 'openai');
    const store = storeFor({ pageSize: 50 });
    store.setConnections([{ connection, apiKey: API_KEY }]);
    await store.ensureTopListsLoaded();
    expect(store.connection(connection.id)?.grouped).toBe(true);
    expect(store.groups(connection.id)?.items.map((group) => group.id)).toEqual(['eval_demo']);

    const ref = { connectionId: connection.id, groupId: 'eval_demo' };
    await store.ensureLoaded(ref);
    expect(store.evaluations(ref)?.items).toHaveLength(50);
    await store.loadMore(ref);
    await store.loadMore(ref);
    const runs = store.evaluations(ref)?.items ?? [];
    expect(runs).toHaveLength(120);
    expect(runs.every((run) => run.id.startsWith('eval_demo/'))).toBe(true);
    expect(store.evaluations(ref)?.nextCursor).toBeUndefined();
  });

  it('records an unreachable server and a rejected key as failed lists, with the provider message', async () => {
    const prime = emulatorConnection(emulator, 'prime');
    const nugen = emulatorConnection(emulator, 'nugen');
    const closed = { id: 'closed', provider: 'prime' as const, baseUrl: 'http://127.0.0.1:9' };
    const store = storeFor();
    const failures: string[] = [];
    store.onDidFail((event) => failures.push(`${event.connection.id}: ${event.failure.kind}`));
    store.setConnections([
      { connection: prime, apiKey: 'wrong-key' },
      { connection: closed, apiKey: API_KEY },
      { connection: nugen, apiKey: API_KEY },
    ]);
    await store.ensureTopListsLoaded();
    expect(store.topList(prime.id)?.status).toBe('failed');
    expect(store.topList(prime.id)?.failure?.kind).toBe('auth');
    expect(store.topList(prime.id)?.failure?.message).toContain('Not authenticated');
    expect(store.topList(prime.id)?.failure?.message).not.toContain('wrong-key');
    expect(store.topList(closed.id)?.failure?.kind).toBe('unreachable');
    expect(store.topList(nugen.id)?.status).toBe('loaded');
    expect(failures.sort()).toEqual(['closed: unreachable', 'prime-test: auth']);
  });

  it('drops answers that arrive after a refresh and reloads on the next ask', async () => {
    emulator.seed('prime', 3);
    const connection = emulatorConnection(emulator, 'prime');
    const store = storeFor();
    store.setConnections([{ connection, apiKey: API_KEY }]);
    emulator.faults.add({ kind: 'latency', ms: 300, count: 1 });
    const slowLoad = store.ensureLoaded({ connectionId: connection.id });
    store.refresh();
    emulator.seed('prime', 2);
    await store.ensureLoaded({ connectionId: connection.id });
    await slowLoad;
    expect(store.evaluations({ connectionId: connection.id })?.items).toHaveLength(5);
  });

  it('keeps the lists of an unchanged connection and drops those of a re-keyed one', async () => {
    emulator.seed('prime', 2);
    emulator.seed('nugen', 2);
    const prime = emulatorConnection(emulator, 'prime');
    const nugen = emulatorConnection(emulator, 'nugen');
    const store = storeFor();
    store.setConnections([
      { connection: prime, apiKey: API_KEY },
      { connection: nugen, apiKey: API_KEY },
    ]);
    await store.ensureTopListsLoaded();
    store.setConnections([
      { connection: prime, apiKey: API_KEY },
      { connection: nugen, apiKey: 'another-key' },
    ]);
    expect(store.topList(prime.id)?.status).toBe('loaded');
    expect(store.topList(nugen.id)).toBeUndefined();
    store.setConnections([{ connection: prime }]);
    expect(store.connection(prime.id)?.hasApiKey).toBe(false);
    expect(store.topList(prime.id)).toBeUndefined();
    expect(store.connection(nugen.id)).toBeUndefined();
  });

  it('Refresh reloads as many pages as "Load more" had brought in, then offers the rest again', async () => {
    emulator.seed('prime', 250);
    const connection = emulatorConnection(emulator, 'prime');
    const store = storeFor({ pageSize: 100 });
    store.setConnections([{ connection, apiKey: API_KEY }]);
    await store.ensureTopListsLoaded();
    await store.loadMore({ connectionId: connection.id });
    expect(store.evaluations({ connectionId: connection.id })?.items).toHaveLength(200);

    store.refresh();
    expect(store.evaluations({ connectionId: connection.id })).toBeUndefined();
    await store.ensureTopListsLoaded();
    const list = store.evaluations({ connectionId: connection.id });
    expect(list?.items).toHaveLength(200);
    expect(list?.pages).toBe(2);
    expect(list?.nextCursor).toBeDefined();
    expect(new Set(list?.items.map((evaluation) => evaluation.id)).size).toBe(200);

    // A second refresh without paging in between keeps the same two pages; an untouched list stays at one.
    store.refresh();
    await store.ensureTopListsLoaded();
    expect(store.evaluations({ connectionId: connection.id })?.items).toHaveLength(200);
  });
});
