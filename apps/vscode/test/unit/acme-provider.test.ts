import { createClient } from '@evalgate/core';
import { startEmulator, type Emulator } from '@evalgate/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addConnectionArgsOf } from '../../src/logic/command-args.js';
import { parseStoredKey, serializeStoredKey } from '../../src/logic/key-binding.js';
import { providerEntries } from '../../src/logic/providers/registry.js';
import { parseSettings } from '../../src/logic/settings.js';
import { buildCreateRequest, startFields } from '../../src/logic/start/start-form.js';
import { EvaluationStore } from '../../src/logic/store.js';
import { childNodes, rootNodes } from '../../src/logic/tree-model.js';
import { computeViewState } from '../../src/logic/view-state.js';
import type { RawSettings } from '../../src/logic/settings.js';
import { registerTestProviders } from './providers/test-registry.js';

const settingsWith = (connections: unknown): RawSettings => ({ connections, pollIntervalSeconds: undefined, notifyOnFinish: undefined });

describe('a test-only fourth provider walks through the extension by one folder and one registry line', () => {
  it('is refused by name while unregistered', () => {
    const settings = parseSettings(settingsWith([{ provider: 'acme', baseUrl: 'https://api.acme.invalid' }]));
    expect(settings.connections).toEqual([]);
    expect(settings.problems.join('\n')).toMatch(/must be one of "prime", "openai", "nugen"/);
    expect(providerEntries().map((entry) => entry.name)).toEqual(['prime', 'openai', 'nugen']);
  });

  describe('once registered', () => {
    let unregister: () => void;
    let emu: Emulator;
    let now = Date.UTC(2026, 0, 1, 12, 0, 0);
    beforeAll(async () => {
      unregister = registerTestProviders();
      emu = await startEmulator({ port: 0, apiKey: 'acme-key', seed: 1, durationMs: 1000, sampleCount: 2, now: () => now });
    });
    afterAll(async () => {
      await emu.close();
      unregister();
    });

    it('is offered where providers are picked, with core label and base URL and the extension hint', () => {
      expect(providerEntries().at(-1)).toMatchObject({
        name: 'acme',
        description: 'Acme Evals (test only) (jobs)',
        defaultBaseUrl: 'https://api.acme.invalid',
        capabilities: { groups: false },
      });
      expect(addConnectionArgsOf({ provider: 'acme', baseUrl: 'https://api.acme.invalid' })).toEqual({
        ask: false,
        args: { provider: 'acme', baseUrl: 'https://api.acme.invalid' },
      });
      const stored = serializeStoredKey({ key: 'k', provider: 'acme', baseUrl: 'https://api.acme.invalid' });
      expect(parseStoredKey(stored)).toEqual({ kind: 'bound', stored: { key: 'k', provider: 'acme', baseUrl: 'https://api.acme.invalid' } });
    });

    it('asks its own questions and builds its own create request', () => {
      expect(startFields('acme').map((field) => field.input)).toEqual(['suite', 'model']);
      expect(buildCreateRequest('acme', { suite: 'math' })).toEqual({ request: { provider: 'acme', suite: 'math', model: 'acme-default' } });
      expect(buildCreateRequest('acme', { suite: ' ', 'model-id': 'x' })).toEqual({
        problems: ['model-id: not an input of acme (expected suite, model)', 'suite: suite is required'],
      });
    });

    it("shows tree rows from settings to evaluations through Acme's real client and emulator, reading a finished row once for its score", async () => {
      const acme = createClient({ provider: 'acme', apiKey: 'acme-key', baseUrl: emu.baseUrls.acme });
      const finished = await acme.create({ provider: 'acme', suite: 'math', model: 'm-1' });
      now += 1100;
      await acme.create({ provider: 'acme', suite: 'code', model: 'm-2' });
      now += 500;
      const [finishedSnapshot] = emu.evaluations('acme');
      expect(finishedSnapshot).toMatchObject({ id: finished.id, phase: 'completed' });
      const requestsBefore = emu.requests.length;

      const [connection] = parseSettings(settingsWith([{ provider: 'acme', baseUrl: emu.baseUrls.acme, label: 'acme' }])).connections;
      expect(connection).toMatchObject({ provider: 'acme', id: `acme@${emu.baseUrls.acme}` });

      const store = new EvaluationStore({ createClient: (entry, apiKey) => createClient({ provider: entry.provider, baseUrl: entry.baseUrl, apiKey }) });
      store.setConnections([{ connection: connection!, apiKey: 'acme-key' }]);
      expect(store.connection(connection!.id)?.grouped).toBe(false);
      await store.ensureTopListsLoaded();
      await store.inFlight.whenIdle();

      const [root] = rootNodes(store, computeViewState(store, false));
      expect(root).toMatchObject({ kind: 'connection', description: expect.stringContaining('acme') });
      const rows = childNodes(store, root!);
      expect(rows.map((row) => [row.label, row.icon?.id])).toEqual([
        ['code · m-2', 'sync~spin'],
        ['math · m-1', expect.any(String)],
      ]);
      expect(rows[0]?.contextValue).toMatch(/\bcancelable\b/);
      // Only the finished row lacked its score in the list (Acme's needsDetails), so only it was read again.
      const reads = emu.requests.slice(requestsBefore).map((entry) => `${entry.method} ${entry.path.replace(/\?.*/, '')}`);
      expect(reads.sort()).toEqual(['GET /acme/v1/jobs', `GET /acme/v1/jobs/${finished.id}`]);
      const average = finishedSnapshot!.scores.reduce((sum, score) => sum + score, 0) / finishedSnapshot!.scores.length;
      expect(store.evaluations({ connectionId: connection!.id })?.items.find((item) => item.id === finished.id)?.scores?.avg).toBe(average);
    });
  });
});
