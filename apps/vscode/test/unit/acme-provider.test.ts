import { createClient } from '@evalgate/core';
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
import type { AcmeBackend } from './providers/acme/core-stand-in.js';
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
    let backend: AcmeBackend;
    let unregister: () => void;
    beforeAll(() => {
      ({ backend, unregister } = registerTestProviders());
    });
    afterAll(() => unregister());

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

    it('shows tree rows from settings to evaluations, and reads a finished row once for its score', async () => {
      backend.add({ id: 'job-done', name: 'math · m-1', status: 'completed', rawStatus: 'DONE', scores: { avg: 0.5, min: 0.5, max: 0.5, count: 2 } });
      backend.add({ id: 'job-running', name: 'code · m-2', status: 'running', rawStatus: 'WORKING' });
      const [connection] = parseSettings(settingsWith([{ provider: 'acme', baseUrl: 'https://api.acme.invalid', label: 'acme' }])).connections;
      expect(connection).toMatchObject({ provider: 'acme', id: 'acme@https://api.acme.invalid' });

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
      expect(backend.gets).toEqual(['job-done']);
      expect(store.evaluations({ connectionId: connection!.id })?.items.find((item) => item.id === 'job-done')?.scores?.avg).toBe(0.5);
    });
  });
});
