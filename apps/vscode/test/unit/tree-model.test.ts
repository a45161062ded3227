import type { Emulator } from '@evalgate/emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeViewState } from '../../src/logic/view-state.js';
import { childNodes, rootNodes, type TreeNode } from '../../src/logic/tree-model.js';
import { API_KEY, emulatorConnection, startTestEmulator, storeFor } from './helpers/emulator.js';

describe('tree model over a store loaded from the emulator', () => {
  let emulator: Emulator;
  beforeEach(async () => {
    emulator = await startTestEmulator();
  });
  afterEach(async () => {
    await emulator.close();
  });

  it('shows connection → evaluations newest first, with a Load more row while pages remain', async () => {
    emulator.seed('prime', 60);
    const connection = emulatorConnection(emulator, 'prime');
    const store = storeFor({ pageSize: 50 });
    store.setConnections([{ connection, apiKey: API_KEY }]);
    await store.ensureTopListsLoaded();
    const [root, ...others] = rootNodes(store, computeViewState(store, false));
    expect(others).toEqual([]);
    expect(root?.label).toBe(`prime · 127.0.0.1:${emulator.port}`);
    expect(root?.description).toBe('50 of 60');
    expect(root?.contextValue).toBe('connection removable hasApiKey');

    const rows = childNodes(store, root!);
    expect(rows).toHaveLength(51);
    const first = rows[0]!;
    expect(first.label).toBe('seeded evaluation 60');
    expect(first.contextValue).toBe('evaluation cancelable openable copyable status-queued');
    expect(first.icon).toEqual({ id: 'clock', colorId: 'charts.yellow' });
    const loadMore = rows[50]!;
    expect(loadMore.kind).toBe('loadMore');
    expect(loadMore.command?.command).toBe('evalgate.loadMore');
    expect(loadMore.command?.arguments).toEqual([{ connectionId: connection.id }]);

    await store.loadMore({ connectionId: connection.id });
    const all = childNodes(store, root!);
    expect(all).toHaveLength(60);
    expect(all.some((row) => row.kind === 'loadMore')).toBe(false);
    expect(new Set(all.map((row) => row.id)).size).toBe(60);
  });

  it('marks a running row with the spinning icon and drops cancelable once cancelled', async () => {
    emulator.seed('prime', 1);
    const connection = emulatorConnection(emulator, 'prime');
    const store = storeFor();
    store.setConnections([{ connection, apiKey: API_KEY }]);
    await store.ensureTopListsLoaded();
    const id = store.evaluations({ connectionId: connection.id })!.items[0]!.id;
    emulator.setStatus('prime', id, 'RUNNING');
    await store.pollRound();
    const parent = rootNodes(store, 'ready')[0]!;
    let row = childNodes(store, parent)[0]!;
    expect(row.icon).toEqual({ id: 'sync~spin', colorId: 'charts.blue' });
    expect(row.contextValue).toMatch(/\bcancelable\b/);

    emulator.setStatus('prime', id, null);
    await store.cancel(connection.id, id);
    row = childNodes(store, parent)[0]!;
    expect(row.icon).toEqual({ id: 'circle-slash', colorId: 'disabledForeground' });
    expect(row.contextValue).not.toMatch(/\bcancelable\b/);
    expect(row.description).toBe('cancelled');
  });

  it('never offers cancel where the provider cannot (Nugen)', async () => {
    emulator.seed('nugen', 2);
    const connection = emulatorConnection(emulator, 'nugen');
    const store = storeFor();
    store.setConnections([{ connection, apiKey: API_KEY }]);
    await store.ensureTopListsLoaded();
    const rows = childNodes(store, rootNodes(store, 'ready')[0]!);
    expect(rows.map((row) => row.contextValue)).toEqual(['evaluation copyable status-running', 'evaluation copyable status-running']);
  });

  it('nests OpenAI runs under their eval', async () => {
    emulator.seed('openai', 3);
    const connection = emulatorConnection(emulator, 'openai');
    const store = storeFor();
    store.setConnections([{ connection, apiKey: API_KEY }]);
    await store.ensureTopListsLoaded();
    const [group] = childNodes(store, rootNodes(store, 'ready')[0]!);
    expect(group).toMatchObject({ kind: 'group', label: 'Demo eval', groupId: 'eval_demo', collapsible: 'collapsed', contextValue: 'group copyable' });
    expect(childNodes(store, group!)).toEqual([]);
    await store.ensureLoaded({ connectionId: connection.id, groupId: 'eval_demo' });
    const runs = childNodes(store, group!);
    expect(runs.map((run) => run.label)).toEqual(['seeded run 3', 'seeded run 2', 'seeded run 1']);
    expect(runs.every((run) => run.groupId === 'eval_demo' && run.evaluationId?.startsWith('eval_demo/'))).toBe(true);
  });

  it('filters by status and says so when nothing loaded matches', async () => {
    emulator.seed('prime', 3);
    const connection = emulatorConnection(emulator, 'prime');
    const store = storeFor();
    store.setConnections([{ connection, apiKey: API_KEY }]);
    await store.ensureTopListsLoaded();
    const items = store.evaluations({ connectionId: connection.id })!.items;
    await store.cancel(connection.id, items[0]!.id);
    const parent = (): TreeNode => rootNodes(store, 'ready')[0]!;

    store.setStatusFilter(['cancelled']);
    expect(childNodes(store, parent()).map((row) => row.evaluationId)).toEqual([items[0]!.id]);
    expect(parent().description).toBe('3 · filter: cancelled');

    store.setStatusFilter(['failed']);
    const [message] = childNodes(store, parent());
    expect(message).toMatchObject({ kind: 'message', label: 'No loaded evaluation matches the filter (3 loaded)' });

    store.setStatusFilter([]);
    expect(childNodes(store, parent())).toHaveLength(3);
  });

  it('offers to set a missing key and shows a load error as a retry row', async () => {
    const keyless = emulatorConnection(emulator, 'prime');
    const broken = { id: 'broken', provider: 'nugen' as const, baseUrl: emulator.baseUrls.nugen };
    const store = storeFor();
    store.setConnections([{ connection: keyless }, { connection: broken, apiKey: 'wrong' }]);
    await store.ensureTopListsLoaded();
    const [keylessNode, brokenNode] = rootNodes(store, computeViewState(store, false));
    expect(keylessNode?.contextValue).toBe('connection removable needsApiKey');
    expect(childNodes(store, keylessNode!)[0]).toMatchObject({
      kind: 'message',
      command: { command: 'evalgate.setApiKey', arguments: [keyless.id] },
    });
    expect(brokenNode?.description).toBe('API key rejected');
    const [errorRow] = childNodes(store, brokenNode!);
    expect(errorRow).toMatchObject({ kind: 'message', contextValue: 'message error', command: { command: 'evalgate.refresh' } });
    expect(errorRow?.label).toContain('Not authenticated');
  });
});

describe('view state', () => {
  let emulator: Emulator;
  beforeEach(async () => {
    emulator = await startTestEmulator();
  });
  afterEach(async () => {
    await emulator.close();
  });

  it('walks noConnection → badSettings → noApiKey → unreachable → ready', async () => {
    const store = storeFor();
    expect(computeViewState(store, false)).toBe('noConnection');
    expect(computeViewState(store, true)).toBe('badSettings');
    const closed = { id: 'closed', provider: 'prime' as const, baseUrl: 'http://127.0.0.1:9' };
    store.setConnections([{ connection: closed }]);
    expect(computeViewState(store, false)).toBe('noApiKey');
    store.setConnections([{ connection: closed, apiKey: API_KEY }]);
    await store.ensureTopListsLoaded();
    expect(computeViewState(store, false)).toBe('unreachable');
    expect(rootNodes(store, computeViewState(store, false))).toEqual([]);
    store.setConnections([
      { connection: closed, apiKey: API_KEY },
      { connection: emulatorConnection(emulator, 'prime'), apiKey: API_KEY },
    ]);
    await store.ensureTopListsLoaded();
    expect(computeViewState(store, false)).toBe('ready');
    expect(rootNodes(store, 'ready')).toHaveLength(2);
  });
});
