import * as assert from 'node:assert/strict';
import type { EvalgateApi, TreeNodeSnapshot } from '../../../src/api.js';
import { cancelPrimeElsewhere } from '../support/emulator-control.js';
import { eventually, evalgateApi, openEvaluationsView, useGoodKeys, waitForTree } from '../support/extension.js';
import { connectionRow, evaluationRows, hasWord } from '../support/tree.js';

suite('live updates redraw only what changed', () => {
  let api: EvalgateApi;

  suiteSetup(async () => {
    api = await evalgateApi();
    await openEvaluationsView();
    await useGoodKeys(api);
  });

  test('a poll that sees one evaluation end redraws that row only, not the finished ones nor the whole tree', async () => {
    const { finished, target } = await waitForTree(api, 'finished rows and a cancelable running Prime row', (tree) => {
      const rows = evaluationRows(connectionRow(tree, 'prime'));
      const done = rows.filter((row) => hasWord(row, 'status-completed') || hasWord(row, 'status-failed'));
      const running = rows.find((row) => hasWord(row, 'cancelable') && hasWord(row, 'status-running'));
      return done.length > 0 && running ? { finished: done, target: running } : undefined;
    });
    await eventually('the view to be visible', () => (api.viewVisible() ? true : undefined));
    const changes: Array<TreeNodeSnapshot[] | undefined> = [];
    const subscription = api.onDidChangeTree((change) => changes.push(change));
    try {
      // Someone cancels it from another tool; the next poll notices.
      await cancelPrimeElsewhere(target.evaluationId ?? '');
      await eventually(`the poll to redraw ${target.label} as cancelled`, () =>
        changes.some((change) => change?.some((row) => row.evaluationId === target.evaluationId && hasWord(row, 'status-cancelled'))) ? true : undefined,
      );
    } finally {
      subscription.dispose();
    }
    assert.equal(changes.filter((change) => change === undefined).length, 0, 'no poll redrew the whole tree');
    const redrawn = changes.flatMap((change) => change ?? []);
    for (const row of finished) {
      assert.equal(
        redrawn.some((candidate) => candidate.evaluationId === row.evaluationId),
        false,
        `finished row ${row.label} was redrawn`,
      );
    }
  });
});
