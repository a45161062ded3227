import * as assert from 'node:assert/strict';
import { createServer } from 'node:net';
import * as vscode from 'vscode';
import { COMMANDS, SETTINGS, type ConnectionSetting, type EvalgateApi } from '../../../src/api.js';
import { eventually, evalgateApi, useGoodKeys } from '../support/extension.js';
import { testConfig } from '../support/test-config.js';

/** A loopback port nothing listens on: bound by the OS, then released. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

suite('welcome states', () => {
  let api: EvalgateApi;
  let original: ConnectionSetting[];
  const section = SETTINGS.connections.slice('evalgate.'.length);

  async function setConnections(connections: ConnectionSetting[]): Promise<void> {
    await vscode.workspace.getConfiguration('evalgate').update(section, connections, vscode.ConfigurationTarget.Workspace);
  }

  suiteSetup(async () => {
    api = await evalgateApi();
    original = vscode.workspace.getConfiguration('evalgate').get<ConnectionSetting[]>(section) ?? [];
  });

  suiteTeardown(async () => {
    await setConnections(original);
    const ids = original.map((connection) => connection.id).join();
    await eventually('the original connections to load', () => (api.connectionIds().join() === ids ? true : undefined));
    await useGoodKeys(api);
    await eventually('the view to be ready again', () => (api.viewState() === 'ready' ? true : undefined));
  });

  test('no connection in the settings selects the noConnection welcome', async () => {
    await setConnections([]);
    await eventually('viewState noConnection', () => (api.viewState() === 'noConnection' ? true : undefined));
    assert.deepEqual(api.connectionIds(), []);
    assert.deepEqual(await api.snapshot(), []);
  });

  test('a connection whose server does not answer selects the unreachable welcome', async () => {
    const { apiKey } = await testConfig();
    const id = 'emu-closed-port';
    await setConnections([{ id, provider: 'prime', baseUrl: `http://127.0.0.1:${await closedPort()}` }]);
    await eventually('the new connection to load', () => (api.connectionIds().includes(id) ? true : undefined));
    await vscode.commands.executeCommand(COMMANDS.setApiKey, id, apiKey);
    await eventually('viewState unreachable', async () => {
      await api.whenIdle();
      return api.viewState() === 'unreachable' ? true : undefined;
    });
    assert.deepEqual(await api.snapshot(), []);
  });
});
