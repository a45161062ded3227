import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS, type EvalgateApi, type TreeNodeSnapshot } from '../../../src/api.js';
import { evalgateApi, useGoodKeys, waitForTree } from '../support/extension.js';
import { startFakePrime, type FakePrime } from '../support/fake-prime.js';
import { hasWord } from '../support/tree.js';

const CONNECTION_ID = 'report-links';
const KEY = 'report-links-key';

/** Prime evaluations whose report links (and raw status) a provider chose. */
const EVALUATIONS = [
  { evaluation_id: 'ev-file', name: 'file-link', status: 'COMPLETED', viewer_url: 'file:///etc/passwd' },
  { evaluation_id: 'ev-command', name: 'command-link', status: 'COMPLETED', viewer_url: 'command:workbench.action.terminal.new' },
  { evaluation_id: 'ev-https', name: 'https-link', status: 'COMPLETED', viewer_url: 'https://app.example.test/evals/ev-https' },
  { evaluation_id: 'ev-status', name: 'odd-status', status: '`) [x](command:evil) (`', viewer_url: null },
  { evaluation_id: 'ev-race', name: 'race', status: 'RUNNING', is_hosted: true, viewer_url: null },
];

suite('report links and cancel races with a hand-written provider', () => {
  let api: EvalgateApi;
  let server: FakePrime;

  suiteSetup(async () => {
    api = await evalgateApi();
    await useGoodKeys(api);
    server = await startFakePrime(EVALUATIONS);
    await vscode.commands.executeCommand(COMMANDS.addConnection, { id: CONNECTION_ID, provider: 'prime', baseUrl: server.url });
    assert.equal(await vscode.commands.executeCommand(COMMANDS.setApiKey, CONNECTION_ID, KEY), true);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand(COMMANDS.removeConnection, CONNECTION_ID, { confirm: false });
    await api.whenIdle();
    await server.close();
  });

  async function rows(): Promise<TreeNodeSnapshot[]> {
    return waitForTree(api, 'the fake provider rows', (tree) => {
      const connection = tree.find((node) => node.kind === 'connection' && node.connectionId === CONNECTION_ID);
      const found = connection?.children?.filter((child) => child.kind === 'evaluation') ?? [];
      return found.length === EVALUATIONS.length ? found : undefined;
    });
  }

  test('Open Report is offered only for an https link', async () => {
    const byName = new Map((await rows()).map((row) => [row.label, row]));
    assert.equal(hasWord(byName.get('https-link')!, 'openable'), true);
    for (const name of ['file-link', 'command-link', 'odd-status']) assert.equal(hasWord(byName.get(name)!, 'openable'), false, name);
  });

  test('running Open Report on a file: or command: link opens nothing', async () => {
    for (const name of ['file-link', 'command-link']) {
      const row = (await rows()).find((candidate) => candidate.label === name)!;
      assert.equal(await vscode.commands.executeCommand(COMMANDS.openReport, row), undefined, name);
    }
  });

  test('a raw status with backticks stays inside its code span in the tooltip', async () => {
    const row = (await rows()).find((candidate) => candidate.label === 'odd-status')!;
    const statusLine = (row.tooltip ?? '').split('\n').find((line) => line.startsWith('- Status:'));
    assert.equal(statusLine, '- Status: unknown (`` `) [x](command:evil) (` ``)');
  });

  test('a cancel that arrives after the evaluation ended says so, and the row shows how it ended', async () => {
    const row = (await rows()).find((candidate) => candidate.label === 'race')!;
    assert.ok(hasWord(row, 'cancelable'), row.contextValue);
    // It ends on the server while the user is clicking Cancel.
    EVALUATIONS.find((evaluation) => evaluation.evaluation_id === 'ev-race')!.status = 'COMPLETED';
    const result = await vscode.commands.executeCommand(COMMANDS.cancel, row, { confirm: false });
    // Core finds it finished (409-style ConflictError); the command says so and returns the final status instead of
    // failing with a raw HTTP error (which would resolve to undefined).
    assert.equal(result, 'completed');
    const after = await waitForTree(api, 'the race row to show completed', (tree) =>
      tree
        .find((node) => node.connectionId === CONNECTION_ID)
        ?.children?.find((child) => child.evaluationId === 'ev-race' && hasWord(child, 'status-completed')),
    );
    assert.equal(hasWord(after, 'cancelable'), false);
  });
});
