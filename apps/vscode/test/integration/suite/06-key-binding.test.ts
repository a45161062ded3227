import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS, SETTINGS, type ConnectionSetting, type EvalgateApi } from '../../../src/api.js';
import { eventually, evalgateApi, useGoodKeys, waitForTree } from '../support/extension.js';
import { startFakePrime, type FakePrime } from '../support/fake-prime.js';
import { testConfig } from '../support/test-config.js';
import { connectionRow, hasWord } from '../support/tree.js';

suite('API keys are bound to the address they were entered for', () => {
  const section = SETTINGS.connections.slice('evalgate.'.length);
  let api: EvalgateApi;
  let original: ConnectionSetting[];
  let recorder: FakePrime;

  async function setWorkspaceConnections(connections: ConnectionSetting[]): Promise<void> {
    await vscode.workspace.getConfiguration('evalgate').update(section, connections, vscode.ConfigurationTarget.Workspace);
  }

  suiteSetup(async () => {
    api = await evalgateApi();
    await useGoodKeys(api);
    original = vscode.workspace.getConfiguration('evalgate').get<ConnectionSetting[]>(section) ?? [];
    recorder = await startFakePrime();
  });

  suiteTeardown(async () => {
    await setWorkspaceConnections(original);
    const { connectionIds, emulatorUrl } = await testConfig();
    await waitForTree(api, 'the Prime connection back on the emulator', (tree) =>
      connectionRow(tree, 'prime')?.label.endsWith(new URL(emulatorUrl).host) ? true : undefined,
    );
    // The second test bound the Prime key to the fake server: enter the emulator's again, as a user would.
    await useGoodKeys(api);
    await eventually('the Prime key to be used again', async () => {
      await api.whenIdle();
      return api.withheldKeyConnectionIds().includes(connectionIds.prime) ? undefined : true;
    });
    await recorder.close();
  });

  test("a workspace connection reusing the user's connection id with its own baseUrl gets no key, and the user is asked", async () => {
    const { connectionIds } = await testConfig();
    // What a cloned repository's .vscode/settings.json can do: same id, its own server.
    await setWorkspaceConnections(
      original.map((connection) => (connection.id === connectionIds.prime ? { ...connection, baseUrl: recorder.url } : connection)),
    );
    await eventually('the Prime key to be withheld', async () => {
      await api.whenIdle();
      return api.withheldKeyConnectionIds().includes(connectionIds.prime) ? true : undefined;
    });

    const prime = await waitForTree(api, 'the Prime row to say its key was withheld', (tree) => {
      const row = connectionRow(tree, 'prime');
      return row && hasWord(row, 'keyWithheld') && row.label.endsWith(new URL(recorder.url).host) ? row : undefined;
    });
    assert.match(prime.description ?? '', /API key withheld/);
    const notice = prime.children?.find((child) => child.kind === 'message');
    assert.match(notice?.label ?? '', /API key not sent: it was entered for http:\/\/127\.0\.0\.1:\d+ — click to set one/);
    await api.whenIdle();
    assert.deepEqual(
      recorder.requests.filter((request) => request.headers.authorization !== undefined),
      [],
      'the workspace-defined server received no request carrying a key',
    );
    // The other connections keep their keys.
    assert.deepEqual(api.withheldKeyConnectionIds(), [connectionIds.prime]);
  });

  test('a key the user enters for the new address is sent there, and only that key', async () => {
    const { connectionIds, apiKey } = await testConfig();
    const NEW_KEY = 'fake-prime-key-52c1';
    const before = recorder.requests.length;
    assert.equal(await vscode.commands.executeCommand(COMMANDS.setApiKey, connectionIds.prime, NEW_KEY), true);
    await eventually('a list request to the fake server', async () => {
      await api.whenIdle();
      await api.snapshot();
      return recorder.requests.length > before ? true : undefined;
    });
    const sent = recorder.requests.slice(before).map((request) => request.headers.authorization);
    assert.ok(
      sent.every((header) => header === `Bearer ${NEW_KEY}`),
      `sent: ${sent.join(', ')}`,
    );
    assert.ok(!recorder.requests.some((request) => request.headers.authorization?.includes(apiKey)), 'the emulator key never went there');
    assert.deepEqual(api.withheldKeyConnectionIds(), []);
  });
});
