import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS, EXTENSION_ID, VIEW_ID, type EvalgateApi, type TreeNodeSnapshot } from '../../../src/api.js';
import { emulatorEvaluations, emulatorRequests } from '../support/emulator-control.js';
import { evalgateApi, extension, useGoodKeys, waitForTree } from '../support/extension.js';
import { primeEvaluations } from '../support/prime-api.js';
import { connectionRow, evaluationRows, hasWord } from '../support/tree.js';
import { contextMenuCommands } from '../support/when-clause.js';

interface MenuEntry {
  command: string;
  when?: string;
  group?: string;
}

/** The manifest's `view/item/context` entries, as VS Code read them from the installed extension. */
function itemMenus(): MenuEntry[] {
  const menus = (extension().packageJSON as { contributes?: { menus?: Record<string, MenuEntry[]> } }).contributes?.menus;
  const entries = menus?.['view/item/context'];
  if (!entries) throw new Error(`${EXTENSION_ID} contributes no view/item/context menus`);
  return entries;
}

function offersCancel(row: TreeNodeSnapshot, inline: boolean): boolean {
  return contextMenuCommands(itemMenus(), { view: VIEW_ID, viewItem: row.contextValue }, { inline }).includes(COMMANDS.cancel);
}

const CANCELABLE_PRIME_STATUSES = new Set(['PENDING', 'RUNNING']);

suite('cancel', () => {
  let api: EvalgateApi;

  suiteSetup(async () => {
    api = await evalgateApi();
    await useGoodKeys(api);
  });

  async function primeRows(): Promise<TreeNodeSnapshot[]> {
    const count = (await emulatorEvaluations('prime')).length;
    return waitForTree(api, 'the Prime evaluations', (t) => {
      const rows = evaluationRows(connectionRow(t, 'prime'));
      return rows.length >= count ? rows : undefined;
    });
  }

  test('Cancel is offered exactly on hosted Prime evaluations that have not ended', async () => {
    const truth = new Map((await primeEvaluations()).map((e) => [e.evaluation_id, e]));
    const rows = await primeRows();
    const verdicts = rows.map((row) => {
      const evaluation = truth.get(row.evaluationId ?? '');
      assert.ok(evaluation, `row ${row.label} has no Prime evaluation ${row.evaluationId}`);
      const expected = evaluation.is_hosted && CANCELABLE_PRIME_STATUSES.has(evaluation.status);
      return { row, expected, why: `${row.label} (${evaluation.status}, hosted=${evaluation.is_hosted}) [${row.contextValue}]` };
    });
    assert.ok(verdicts.some((v) => v.expected) && verdicts.some((v) => !v.expected), 'the seed has cancelable and other rows');
    for (const { row, expected, why } of verdicts) {
      assert.equal(hasWord(row, 'cancelable'), expected, `cancelable word: ${why}`);
      assert.equal(offersCancel(row, false), expected, `context menu Cancel: ${why}`);
      assert.equal(offersCancel(row, true), expected, `inline Cancel: ${why}`);
    }
  });

  test('Cancel is never offered on Nugen evaluations (the API has no cancel)', async () => {
    const count = (await emulatorEvaluations('nugen')).length;
    const rows = await waitForTree(api, 'the Nugen evaluations', (t) => {
      const found = evaluationRows(connectionRow(t, 'nugen'));
      return found.length >= count ? found : undefined;
    });
    assert.ok(
      rows.some((row) => hasWord(row, 'status-running') || hasWord(row, 'status-queued')),
      'the seed has a running Nugen evaluation',
    );
    for (const row of rows) assert.equal(offersCancel(row, false), false, `${row.label} [${row.contextValue}]`);
  });

  test('cancelling a running evaluation calls the API and the row shows cancelled without a refresh', async () => {
    const target = (await primeRows()).find((row) => hasWord(row, 'cancelable'));
    assert.ok(target?.evaluationId, 'a cancelable Prime row');
    const id = target.evaluationId;
    const cancelPath = `/api/v1/hosted-evaluations/${id}/cancel`;
    assert.equal((await emulatorRequests()).filter((r) => r.path === cancelPath).length, 0);

    const result = await vscode.commands.executeCommand(COMMANDS.cancel, target, { confirm: false });

    assert.equal(result, 'cancelled');
    const calls = (await emulatorRequests()).filter((r) => r.path === cancelPath);
    assert.deepEqual(
      calls.map((r) => [r.method, r.status]),
      [['PATCH', 200]],
    );
    assert.equal((await emulatorEvaluations('prime')).find((e) => e.id === id)?.phase, 'cancelled');
    const row = await waitForTree(api, `row ${target.label} to show cancelled`, (t) =>
      evaluationRows(connectionRow(t, 'prime')).find((r) => r.evaluationId === id && hasWord(r, 'status-cancelled')),
    );
    assert.equal(hasWord(row, 'cancelable'), false);
    assert.equal(offersCancel(row, false), false);
  });
});
