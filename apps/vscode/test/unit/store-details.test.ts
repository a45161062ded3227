import { startEmulator, type Emulator } from '@evalgate/emulator';
import { createClient, type Evaluation } from '@evalgate/core';
import { afterEach, describe, expect, it } from 'vitest';
import { countActive } from '../../src/logic/running-count.js';
import { API_KEY, emulatorConnection, storeFor } from './helpers/emulator.js';

/** An emulator whose clock the test moves: seeded evaluations finish when the test says, without waiting. */
async function emulatorWithClock(): Promise<{ emulator: Emulator; advance: (ms: number) => void }> {
  let offsetMs = 0;
  const emulator = await startEmulator({ port: 0, apiKey: API_KEY, seed: 3, durationMs: 60_000, sampleCount: 5, now: () => Date.now() + offsetMs });
  return { emulator, advance: (ms) => (offsetMs += ms) };
}

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe('a listed row shows what a watched one does', () => {
  for (const provider of ['openai', 'nugen'] as const) {
    it(`${provider}: finished rows from the list get the same scores (and report link) as get() returns`, async () => {
      const started = await emulatorWithClock();
      emulator = started.emulator;
      emulator.seed(provider, 2);
      started.advance(2 * 60 * 60_000);
      const connection = emulatorConnection(emulator, provider);
      const store = storeFor();
      store.setConnections([{ connection, apiKey: API_KEY }]);
      await store.ensureTopListsLoaded();
      const groups = store.groups(connection.id)?.items ?? [];
      for (const group of groups) await store.ensureLoaded({ connectionId: connection.id, groupId: group.id });
      await store.inFlight.whenIdle();

      const rows: Evaluation[] = store.allEvaluations().map(({ evaluation }) => evaluation);
      expect(rows.length).toBe(2);
      const client = createClient({ provider, baseUrl: connection.baseUrl, apiKey: API_KEY, maxRetries: 0 });
      for (const row of rows) {
        expect(row.status).toBe('completed');
        const watched = await client.get(row.id);
        expect(row.scores, row.id).toEqual(watched.scores);
        expect(row.scores?.count).toBeGreaterThan(0);
        expect(row.reportUrl).toEqual(watched.reportUrl);
      }
    });
  }

  for (const nugenStatusCase of ['upper', 'lower'] as const) {
    it(`nugen (${nugenStatusCase}-case vocabulary): a waiting row shows what the status endpoint says, not the list's word`, async () => {
      const started = await emulatorWithClock();
      emulator = started.emulator;
      emulator.configure({ nugenStatusCase });
      emulator.seed('nugen', 1);
      const connection = emulatorConnection(emulator, 'nugen');
      const store = storeFor();
      store.setConnections([{ connection, apiKey: API_KEY }]);
      await store.ensureTopListsLoaded();
      await store.inFlight.whenIdle();
      const [row] = store.evaluations({ connectionId: connection.id })?.items ?? [];
      const truth = await createClient({ provider: 'nugen', baseUrl: connection.baseUrl, apiKey: API_KEY, maxRetries: 0 }).get(row!.id);
      expect(row?.status).toBe(truth.status);
      expect(row?.rawStatus).toBe(truth.rawStatus);
    });
  }

  it('openai: runs of evals nobody expanded are loaded in the background, so running ones are counted', async () => {
    const started = await emulatorWithClock();
    emulator = started.emulator;
    emulator.seed('openai', 3);
    const connection = emulatorConnection(emulator, 'openai');
    const store = storeFor();
    store.setConnections([{ connection, apiKey: API_KEY }]);
    await store.ensureTopListsLoaded();
    await store.inFlight.whenIdle();
    const groups = store.groups(connection.id)?.items ?? [];
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) expect(store.evaluations({ connectionId: connection.id, groupId: group.id })?.status).toBe('loaded');
    const active = countActive(store.allEvaluations().map(({ evaluation }) => evaluation));
    expect(active.running + active.queued).toBe(3);
  });

  it('rows listed again after their connection was re-keyed get their details again', async () => {
    const started = await emulatorWithClock();
    emulator = started.emulator;
    emulator.seed('nugen', 1);
    started.advance(2 * 60 * 60_000);
    const connection = emulatorConnection(emulator, 'nugen');
    const store = storeFor();
    const listAndSettle = async () => {
      await store.ensureTopListsLoaded();
      await store.inFlight.whenIdle();
      return store.evaluations({ connectionId: connection.id })?.items[0];
    };
    store.setConnections([{ connection, apiKey: API_KEY }]);
    expect((await listAndSettle())?.scores).toBeDefined();
    store.setConnections([{ connection }]);
    store.setConnections([{ connection, apiKey: API_KEY }]);
    expect((await listAndSettle())?.scores).toBeDefined();
  });
});

describe('new evaluations and outages without a manual Refresh', () => {
  it('puts evaluations started since the list loaded at the top, keeping the rows already shown', async () => {
    const started = await emulatorWithClock();
    emulator = started.emulator;
    emulator.seed('prime', 3);
    const connection = emulatorConnection(emulator, 'prime');
    const store = storeFor();
    store.setConnections([{ connection, apiKey: API_KEY }]);
    await store.ensureTopListsLoaded();
    const before = store.evaluations({ connectionId: connection.id })?.items.map((evaluation) => evaluation.id) ?? [];
    started.advance(1_000);
    emulator.seed('prime', 1);
    await store.refreshHeads();
    const after = store.evaluations({ connectionId: connection.id })?.items.map((evaluation) => evaluation.id) ?? [];
    expect(after).toHaveLength(4);
    expect(after.slice(1)).toEqual(before);
    expect(before).not.toContain(after[0]);
  });

  it('marks a connection whose server stopped answering, and clears it when it answers again', async () => {
    const started = await emulatorWithClock();
    emulator = started.emulator;
    emulator.seed('prime', 2);
    const connection = emulatorConnection(emulator, 'prime');
    const store = storeFor();
    store.setConnections([{ connection, apiKey: API_KEY }]);
    await store.ensureTopListsLoaded();
    emulator.faults.add({ kind: 'reset', count: 1 });
    await expect(store.refreshHeads()).rejects.toMatchObject({ name: 'ConnectionError' });
    expect(store.outage(connection.id)?.kind).toBe('unreachable');
    await store.refreshHeads();
    expect(store.outage(connection.id)).toBeUndefined();
  });
});
