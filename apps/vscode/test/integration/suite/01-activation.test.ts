import * as assert from 'node:assert/strict';
import { VIEW_STATE_CONTEXT_KEY } from '../../../src/api.js';
import { eventually, evalgateApi, extension, setApiKeys } from '../support/extension.js';
import { testConfig } from '../support/test-config.js';

suite('activation', () => {
  test('opening the Evaluations view activates the extension and returns its API', async () => {
    const api = await evalgateApi();
    assert.equal(extension().isActive, true);
    assert.equal(typeof api.snapshot, 'function');
    const { connectionIds } = await testConfig();
    const expected = [connectionIds.prime, connectionIds.nugen, connectionIds.openai];
    // Activation returns before the settings were read (slowly, on a loaded machine): wait for what is read.
    const ids = await eventually('the connections of the workspace settings', async () => {
      await api.whenIdle();
      return api.connectionIds().length > 0 ? api.connectionIds() : undefined;
    });
    assert.deepEqual(ids, expected);
  });

  test(`without API keys the view is empty and ${VIEW_STATE_CONTEXT_KEY} selects the noApiKey welcome`, async () => {
    const api = await evalgateApi();
    // A reused user-data dir (vscode-test) may still hold keys from an earlier run: an empty key deletes one.
    await setApiKeys(api, { prime: '', nugen: '', openai: '' });
    await eventually('viewState noApiKey', () => (api.viewState() === 'noApiKey' ? true : undefined));
    assert.deepEqual(await api.snapshot(), []);
  });
});
