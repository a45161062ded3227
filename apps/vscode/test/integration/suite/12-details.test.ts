import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS, type DetailsViewSnapshot, type EvalgateApi } from '../../../src/api.js';
import { eventually, evalgateApi, useGoodKeys, waitForTree } from '../support/extension.js';
import { primeEvaluations, primeSamples } from '../support/prime-api.js';
import { connectionRow, evaluationRows, hasWord } from '../support/tree.js';

suite('evaluation details', () => {
  let api: EvalgateApi;

  suiteSetup(async () => {
    api = await evalgateApi();
    await useGoodKeys(api);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a finished Prime evaluation shows its real samples, lowest score first, and a histogram', async () => {
    const completed = (await primeEvaluations()).find((evaluation) => evaluation.is_hosted && evaluation.status === 'COMPLETED');
    assert.ok(completed, 'the runner seeds a completed hosted Prime evaluation');
    const row = await waitForTree(api, `the row of ${completed.name}`, (tree) =>
      evaluationRows(connectionRow(tree, 'prime')).find(
        (candidate) => candidate.evaluationId === completed.evaluation_id && hasWord(candidate, 'status-completed'),
      ),
    );

    const opened = await vscode.commands.executeCommand<DetailsViewSnapshot | undefined>(COMMANDS.openDetails, row);
    assert.equal(opened?.evaluationId, completed.evaluation_id);

    // What the page itself reports drawing, once it drew the samples the extension read.
    const shown = await eventually('the details page to draw its samples', () => {
      const view = api.detailsViews().find((candidate) => candidate.evaluationId === completed.evaluation_id);
      return view?.samples === 'loaded' && view.rendered?.revision === view.revision ? view : undefined;
    });
    const { samples, total } = await primeSamples(completed.evaluation_id);
    assert.ok(samples.length > 0, 'the emulator has samples for a completed hosted evaluation');
    assert.equal(shown.sampleCount, Math.min(total, 1000));
    const lowest = samples
      .map((sample, index) => ({ id: String(sample.example_id), reward: sample.reward, index }))
      .sort((a, b) => a.reward - b.reward || a.index - b.index)
      .slice(0, 50)
      .map((sample) => sample.id);
    assert.deepEqual(shown.rendered?.sampleIds, lowest);
    assert.equal(shown.rendered?.histogramBars, 10);
    assert.deepEqual(shown.timeline, ['COMPLETED']);
  });

  test('opening it again reveals the same tab', async () => {
    const before = api.detailsViews();
    assert.equal(before.length, 1);
    const again = await vscode.commands.executeCommand<DetailsViewSnapshot | undefined>(COMMANDS.openDetails, {
      connectionId: before[0]!.connectionId,
      evaluationId: before[0]!.evaluationId,
    });
    assert.equal(again?.evaluationId, before[0]!.evaluationId);
    assert.equal(api.detailsViews().length, 1);
  });
});
