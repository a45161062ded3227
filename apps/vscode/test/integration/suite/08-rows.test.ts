import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS, type EvalgateApi, type TreeNodeSnapshot } from '../../../src/api.js';
import { emulatorEvaluations } from '../support/emulator-control.js';
import { evalgateApi, useGoodKeys, waitForTree } from '../support/extension.js';
import { connectionRow, evaluationRows, hasWord } from '../support/tree.js';

suite('rows', () => {
  let api: EvalgateApi;

  suiteSetup(async () => {
    api = await evalgateApi();
    await useGoodKeys(api);
  });

  async function rowsOf(provider: 'openai' | 'nugen', what: string, ready: (rows: TreeNodeSnapshot[]) => boolean): Promise<TreeNodeSnapshot[]> {
    const count = (await emulatorEvaluations(provider)).length;
    return waitForTree(api, what, (tree) => {
      const rows = evaluationRows(connectionRow(tree, provider));
      return rows.length >= count && ready(rows) ? rows : undefined;
    });
  }

  test('finished OpenAI and Nugen rows loaded from the list show their average score', async () => {
    for (const provider of ['openai', 'nugen'] as const) {
      const finished = (await emulatorEvaluations(provider)).filter((evaluation) => evaluation.phase === 'completed');
      assert.ok(finished.length > 0, `the seed has a finished ${provider} evaluation`);
      const rows = await rowsOf(provider, `finished ${provider} rows with scores`, (candidates) =>
        candidates.filter((row) => hasWord(row, 'status-completed')).every((row) => /^avg \d/.test(row.description ?? '')),
      );
      for (const row of rows.filter((candidate) => hasWord(candidate, 'status-completed'))) {
        assert.match(row.tooltip ?? '', /Avg \/ min \/ max: /, `${provider} ${row.label}`);
        assert.doesNotMatch(row.tooltip ?? '', /Scores: none yet/);
      }
    }
  });

  test('Copy ID on an OpenAI run copies the run id', async () => {
    const [run] = await rowsOf('openai', 'an OpenAI run row', (candidates) => candidates.length > 0);
    const evaluationId = run?.evaluationId ?? '';
    assert.ok(evaluationId.includes('/'), `core's id is <eval>/<run>: ${evaluationId}`);
    const copied = await vscode.commands.executeCommand<string>(COMMANDS.copyId, run);
    const runId = evaluationId.split('/').pop();
    assert.equal(copied, runId);
    assert.equal(await vscode.env.clipboard.readText(), runId);
  });

  test('every evaluation row tells a screen reader its status', async () => {
    const tree = await waitForTree(api, 'the tree', (t) => (t.length === 3 ? t : undefined));
    const rows = [...evaluationRows(connectionRow(tree, 'prime')), ...evaluationRows(connectionRow(tree, 'nugen'))];
    assert.ok(rows.length > 0);
    for (const row of rows) {
      const status = row.contextValue.match(/\bstatus-(\w+)/)?.[1]?.replace('_', ' ');
      assert.match(row.accessibilityLabel ?? '', new RegExp(`^${row.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, evaluation, ${status}`));
    }
  });

  test('row tooltips tell when the evaluation started relative to now, computed when the tooltip is asked for', async () => {
    const tree = await waitForTree(api, 'the Prime rows', (t) => {
      const rows = evaluationRows(connectionRow(t, 'prime'));
      return rows.length > 0 ? rows : undefined;
    });
    for (const row of tree) {
      assert.match(
        row.tooltip ?? '',
        /\n- Started: (just now|\d+ s ago|\d+ min ago|\d+ h ago|yesterday|\d+ days ago) \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\)/,
        row.label,
      );
      assert.match(row.tooltip ?? '', /\n- Duration: /, row.label);
    }
  });
});
