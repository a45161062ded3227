import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS, type EvalgateApi } from '../../../src/api.js';
import { evalgateApi, useGoodKeys, waitForTree } from '../support/extension.js';
import { emulatorEvaluations } from '../support/emulator-control.js';
import { testConfig } from '../support/test-config.js';
import { connectionRow, evaluationRows } from '../support/tree.js';

suite('start an evaluation', () => {
  let api: EvalgateApi;

  suiteSetup(async () => {
    api = await evalgateApi();
    await useGoodKeys(api);
  });

  test('a Nugen evaluation started from the editor is created at the provider and shows at the top of its list', async () => {
    const { connectionIds } = await testConfig();
    await waitForTree(api, 'the Nugen rows', (tree) => (evaluationRows(connectionRow(tree, 'nugen')).length > 0 ? true : undefined));
    const id = await vscode.commands.executeCommand<string | undefined>(COMMANDS.startEvaluation, connectionIds.nugen, {
      'model-id': 'editor-model',
      'benchmark-id': 'editor-bench',
    });
    assert.ok(id, 'startEvaluation resolved to the new id');
    assert.ok(
      (await emulatorEvaluations('nugen')).some((evaluation) => evaluation.id === id),
      'the emulator has it',
    );
    const top = await waitForTree(api, 'the new row at the top', (tree) => {
      const rows = evaluationRows(connectionRow(tree, 'nugen'));
      return rows[0]?.evaluationId === id ? rows[0] : undefined;
    });
    assert.match(top.label, /editor-model/);
  });

  test('bad answers create nothing', async () => {
    const { connectionIds } = await testConfig();
    const before = (await emulatorEvaluations('nugen')).length;
    assert.equal(await vscode.commands.executeCommand(COMMANDS.startEvaluation, connectionIds.nugen, { 'model-id': 'm' }), undefined);
    assert.equal((await emulatorEvaluations('nugen')).length, before);
  });
});
