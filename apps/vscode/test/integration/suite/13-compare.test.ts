import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS, type CompareViewSnapshot, type EvalgateApi } from '../../../src/api.js';
import { eventually, evalgateApi, useGoodKeys, waitForTree } from '../support/extension.js';
import { primeEvaluations, primeSamples } from '../support/prime-api.js';
import { connectionRow, evaluationRows, hasWord } from '../support/tree.js';

suite('compare two evaluations', () => {
  let api: EvalgateApi;

  suiteSetup(async () => {
    api = await evalgateApi();
    await useGoodKeys(api);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('two finished Prime runs: the avg delta and the matched samples that moved most', async () => {
    const completed = (await primeEvaluations()).filter((evaluation) => evaluation.is_hosted && evaluation.status === 'COMPLETED');
    assert.ok(completed.length >= 2, 'the runner seeds two completed hosted Prime evaluations');
    const ids = completed.slice(0, 2).map((evaluation) => evaluation.evaluation_id);
    const rows = await waitForTree(api, 'both completed rows', (tree) => {
      const found = evaluationRows(connectionRow(tree, 'prime')).filter((row) => ids.includes(row.evaluationId ?? '') && hasWord(row, 'status-completed'));
      return found.length === 2 ? found : undefined;
    });
    // As VS Code calls it from the context menu of a multi-selection: the clicked row, then every selected row.
    const opened = await vscode.commands.executeCommand<CompareViewSnapshot | undefined>(COMMANDS.compare, rows[1], rows);
    assert.ok(opened, 'compare opened a tab');
    const shown = await eventually('the compare page to draw the deltas', () => {
      const view = api.compareViews().find((candidate) => candidate.beforeId === opened.beforeId && candidate.afterId === opened.afterId);
      return view?.loaded && view.rendered?.revision === view.revision ? view : undefined;
    });

    const [before, after] = await Promise.all([primeSamples(shown.beforeId), primeSamples(shown.afterId)]);
    const beforeScores = new Map(before.samples.map((sample) => [sample.example_id, sample.reward]));
    const deltas = after.samples
      .filter((sample) => beforeScores.has(sample.example_id))
      .map((sample) => ({ id: String(sample.example_id), delta: sample.reward - beforeScores.get(sample.example_id)! }));
    assert.equal(shown.matched, deltas.length);
    const moved = deltas.filter((entry) => entry.delta !== 0);
    const changed = shown.rendered?.changedSampleIds ?? [];
    assert.equal(changed.length, Math.min(20, moved.length));
    assert.ok(changed.length > 0, 'seeded runs differ in some samples');
    const largest = Math.max(...moved.map((entry) => Math.abs(entry.delta)));
    const first = moved.find((entry) => entry.id === changed[0]);
    assert.ok(first && Math.abs(Math.abs(first.delta) - largest) < 1e-9, `the first row moved most (${first?.delta} vs ${largest})`);
    assert.equal(typeof shown.avgDelta, 'number');
  });

  test('one row alone is not compared', async () => {
    const [row] = api.compareViews();
    assert.ok(row);
    assert.equal(
      await vscode.commands.executeCommand(COMMANDS.compare, { connectionId: 'x', evaluationId: row.beforeId }, [
        { connectionId: 'x', evaluationId: row.beforeId },
      ]),
      undefined,
    );
  });
});
