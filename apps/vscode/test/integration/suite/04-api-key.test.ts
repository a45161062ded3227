import * as assert from 'node:assert/strict';
import type { EvalgateApi, TreeNodeSnapshot } from '../../../src/api.js';
import { emulatorEvaluations, emulatorRequests } from '../support/emulator-control.js';
import { evalgateApi, setApiKeys, useGoodKeys, waitForTree } from '../support/extension.js';
import { connectionRow, evaluationRows, hasWord } from '../support/tree.js';

const WRONG_KEY = 'wrong-key-7d1e9a';

function rowText(node: TreeNodeSnapshot): string {
  return [node.label, node.description, node.tooltip, ...(node.children ?? []).map(rowText)].join('\n');
}

suite('API key', () => {
  let api: EvalgateApi;

  suiteSetup(async () => {
    api = await evalgateApi();
  });

  suiteTeardown(async () => {
    await useGoodKeys(api);
  });

  test('a wrong key shows an error row on that connection, no evaluations, and never the key', async () => {
    await useGoodKeys(api);
    const before = (await emulatorRequests()).length;
    await setApiKeys(api, { prime: WRONG_KEY });

    const prime = await waitForTree(api, 'an error row under the Prime connection', (t) => {
      const row = connectionRow(t, 'prime');
      return row?.children?.some((child) => child.kind === 'message' && hasWord(child, 'error')) ? row : undefined;
    });

    assert.deepEqual(evaluationRows(prime), []);
    assert.equal(rowText(prime).includes(WRONG_KEY), false, 'the API key must not be shown');
    const rejected = (await emulatorRequests()).slice(before).filter((r) => r.path.startsWith('/api/v1/') && r.status === 401);
    assert.ok(rejected.length > 0, 'the emulator answered 401 to the wrong key');
    // The other connections keep working.
    const tree = await api.snapshot();
    assert.equal(evaluationRows(connectionRow(tree, 'nugen')).length, (await emulatorEvaluations('nugen')).length);
  });

  test('setting the right key again brings the evaluations back', async () => {
    await useGoodKeys(api);
    const count = (await emulatorEvaluations('prime')).length;
    const rows = await waitForTree(api, 'the Prime evaluations after fixing the key', (t) => {
      const found = evaluationRows(connectionRow(t, 'prime'));
      return found.length === count ? found : undefined;
    });
    assert.equal(rows.length, count);
  });
});
