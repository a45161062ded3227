import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SETTINGS, type EvalgateApi } from '../../../src/api.js';
import { cancelPrimeElsewhere, emulatorEvaluations } from '../support/emulator-control.js';
import { eventually, evalgateApi, openEvaluationsView, useGoodKeys, waitForTree } from '../support/extension.js';
import { connectionRow, evaluationRows, hasWord } from '../support/tree.js';

/** "$(sync~spin) 3 running, 1 queued" → 3 (0 when the item is hidden). */
function runningCount(text: string | undefined): number {
  return Number(/(\d+) running/.exec(text ?? '')?.[1] ?? 0);
}

suite('background watching while the view is hidden', () => {
  const section = SETTINGS.backgroundPollIntervalSeconds.slice('evalgate.'.length);
  let api: EvalgateApi;

  suiteSetup(async () => {
    api = await evalgateApi();
    await useGoodKeys(api);
    // The smallest background cadence, so the test waits ten seconds rather than a minute.
    await vscode.workspace.getConfiguration('evalgate').update(section, 10, vscode.ConfigurationTarget.Workspace);
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('evalgate').update(section, undefined, vscode.ConfigurationTarget.Workspace);
    await openEvaluationsView();
  });

  test('an evaluation cancelled elsewhere while the view is hidden leaves the status bar count', async () => {
    const running = await waitForTree(api, 'a cancelable running Prime row', (tree) =>
      evaluationRows(connectionRow(tree, 'prime')).find((row) => hasWord(row, 'cancelable') && hasWord(row, 'status-running')),
    );
    const before = await eventually('the status bar to count running evaluations', () =>
      runningCount(api.statusBarText()) > 0 ? runningCount(api.statusBarText()) : undefined,
    );

    // The user switches to the Explorer: the Evaluations view is hidden.
    await vscode.commands.executeCommand('workbench.view.explorer');
    await eventually('the Evaluations view to be hidden', () => (api.viewVisible() ? undefined : true));
    // Someone cancels the evaluation from another tool.
    await cancelPrimeElsewhere(running.evaluationId ?? '');
    assert.equal((await emulatorEvaluations('prime')).find((e) => e.id === running.evaluationId)?.phase, 'cancelled');

    const after = await eventually("the hidden view's background poll to see the cancel", () => {
      const count = runningCount(api.statusBarText());
      return count < before ? count : undefined;
    });
    assert.equal(after, before - 1);
    assert.equal(api.viewVisible(), false, 'the count changed while the view stayed hidden');
  });
});
