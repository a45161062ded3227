import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS, SETTINGS, type EvalgateApi, type TreeNodeSnapshot } from '../../../src/api.js';
import { evalgateApi, openEvaluationsView, useGoodKeys, waitForTree } from '../support/extension.js';
import { startFakePrime, type FakePrime } from '../support/fake-prime.js';

const CONNECTION_ID = 'outage-test';

function evaluation(id: string, status: string): Record<string, unknown> {
  return { evaluation_id: id, name: `run ${id}`, status, is_hosted: true, created_at: new Date().toISOString() };
}

suite('new evaluations and a stopped server, without a manual Refresh', () => {
  const pollSection = SETTINGS.pollIntervalSeconds.slice('evalgate.'.length);
  let api: EvalgateApi;
  let server: FakePrime;
  const evaluations = [evaluation('ev-1', 'RUNNING')];

  suiteSetup(async () => {
    api = await evalgateApi();
    await openEvaluationsView();
    await useGoodKeys(api);
    // The quickest cadence the settings allow, so the test waits seconds rather than minutes.
    await vscode.workspace.getConfiguration('evalgate').update(pollSection, 1, vscode.ConfigurationTarget.Workspace);
    server = await startFakePrime(evaluations);
    await vscode.commands.executeCommand(COMMANDS.addConnection, { id: CONNECTION_ID, provider: 'prime', baseUrl: server.url });
    assert.equal(await vscode.commands.executeCommand(COMMANDS.setApiKey, CONNECTION_ID, 'outage-key'), true);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand(COMMANDS.removeConnection, CONNECTION_ID, { confirm: false });
    await vscode.workspace.getConfiguration('evalgate').update(pollSection, undefined, vscode.ConfigurationTarget.Workspace);
    await api.whenIdle();
    await server.close();
  });

  const connectionOf = (tree: TreeNodeSnapshot[]) => tree.find((node) => node.kind === 'connection' && node.connectionId === CONNECTION_ID);

  test('an evaluation started elsewhere appears at the top by itself', async () => {
    await waitForTree(api, 'the first row', (tree) => (connectionOf(tree)?.children?.some((row) => row.evaluationId === 'ev-1') ? true : undefined));
    evaluations.unshift(evaluation('ev-2', 'RUNNING'));
    const rows = await waitForTree(api, 'the new evaluation at the top', (tree) => {
      const children = connectionOf(tree)?.children?.filter((row) => row.kind === 'evaluation') ?? [];
      return children[0]?.evaluationId === 'ev-2' ? children : undefined;
    });
    assert.deepEqual(
      rows.map((row) => row.evaluationId),
      ['ev-2', 'ev-1'],
    );
  });

  test('a stopped server shows on its connection row and the row recovers by itself when it is back', async () => {
    await server.close();
    const down = await waitForTree(api, 'the outage on the connection row', (tree) => {
      const row = connectionOf(tree);
      return row && /unreachable — retrying/.test(row.description ?? '') ? row : undefined;
    });
    assert.equal(down.iconId, 'warning');
    await server.reopen();
    const back = await waitForTree(api, 'the connection row to recover', (tree) => {
      const row = connectionOf(tree);
      return row && !/retrying/.test(row.description ?? '') ? row : undefined;
    });
    assert.equal(back.iconId, 'plug');
    assert.equal(back.children?.filter((row) => row.kind === 'evaluation').length, 2);
  });
});
