import * as assert from 'node:assert/strict';
import type { EvalgateApi } from '../../../src/api.js';
import { emulatorEvaluations } from '../support/emulator-control.js';
import { evalgateApi, useGoodKeys, waitForTree } from '../support/extension.js';
import { primeEvaluations } from '../support/prime-api.js';
import { connectionRow, evaluationRows, words } from '../support/tree.js';

const sorted = (values: string[]): string[] => [...values].sort();

suite('tree', () => {
  let api: EvalgateApi;

  suiteSetup(async () => {
    api = await evalgateApi();
    await useGoodKeys(api);
  });

  test('with keys set the view is ready and shows one row per connection', async () => {
    const tree = await waitForTree(api, 'three connection rows', (t) => (t.length === 3 ? t : undefined));
    assert.equal(api.viewState(), 'ready');
    assert.deepEqual(
      tree.map((row) => row.kind),
      ['connection', 'connection', 'connection'],
    );
    for (const provider of ['prime', 'nugen', 'openai'] as const) {
      const row = connectionRow(tree, provider);
      assert.ok(row, `no connection row labelled "${provider} · <host:port>"`);
      assert.match(row.label, /^\w+ · 127\.0\.0\.1:\d+$/);
      assert.ok(words(row).includes('hasApiKey'), `${row.label} should say hasApiKey: ${row.contextValue}`);
    }
  });

  test('lists every Prime evaluation the emulator has, by name, with its status', async () => {
    const expected = await emulatorEvaluations('prime');
    const rows = await waitForTree(api, 'the Prime evaluations', (t) => {
      const found = evaluationRows(connectionRow(t, 'prime'));
      return found.length >= expected.length ? found : undefined;
    });
    assert.deepEqual(sorted(rows.map((r) => r.evaluationId ?? '')), sorted(expected.map((e) => e.id)));
    const names = new Map((await primeEvaluations()).map((e) => [e.evaluation_id, e.name]));
    for (const row of rows) {
      assert.equal(row.label, names.get(row.evaluationId ?? ''));
      const phase = expected.find((e) => e.id === row.evaluationId)?.phase;
      assert.ok(words(row).includes(`status-${phase}`), `${row.label}: contextValue "${row.contextValue}" lacks status-${phase}`);
    }
  });

  test('lists every Nugen evaluation the emulator has', async () => {
    const expected = await emulatorEvaluations('nugen');
    assert.ok(expected.length > 0, 'the runner seeds Nugen evaluations');
    const rows = await waitForTree(api, 'the Nugen evaluations', (t) => {
      const found = evaluationRows(connectionRow(t, 'nugen'));
      return found.length >= expected.length ? found : undefined;
    });
    assert.deepEqual(sorted(rows.map((r) => r.evaluationId ?? '')), sorted(expected.map((e) => e.id)));
  });

  test('lists every OpenAI run under its eval', async () => {
    const expected = await emulatorEvaluations('openai');
    assert.ok(expected.length > 0, 'the runner seeds OpenAI runs');
    const rows = await waitForTree(api, 'the OpenAI runs', (t) => {
      const found = evaluationRows(connectionRow(t, 'openai'));
      return found.length >= expected.length ? found : undefined;
    });
    // Core's OpenAI evaluation id is `<eval_id>/<run_id>`; the emulator keys runs by run id.
    assert.deepEqual(sorted(rows.map((r) => (r.evaluationId ?? '').split('/').pop() ?? '')), sorted(expected.map((e) => e.id)));
  });
});
