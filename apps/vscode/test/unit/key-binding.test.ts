import { describe, expect, it } from 'vitest';
import { decideKey, parseStoredKey, serializeStoredKey, withheldKeyQuestion } from '../../src/logic/key-binding.js';
import { COMMANDS } from '../../src/api.js';
import { isLoopbackHost, reportUrlProblem, sameEndpoint } from '../../src/logic/endpoint.js';
import type { ConnectionState } from '../../src/logic/store.js';
import { childNodes, evaluationNode, rootNodes, type TreeModelSource } from '../../src/logic/tree-model.js';

const USER_KEY = 'sk-user-3f9a';
const entered = { key: USER_KEY, provider: 'prime' as const, baseUrl: 'https://api.primeintellect.ai' };

describe('a stored API key is bound to the endpoint it was entered for', () => {
  it('round-trips through secret storage text', () => {
    expect(parseStoredKey(serializeStoredKey(entered))).toEqual({ kind: 'bound', stored: entered });
    expect(parseStoredKey(undefined)).toEqual({ kind: 'none' });
    expect(parseStoredKey('  ')).toEqual({ kind: 'none' });
  });

  it('is used for the same provider and base URL (trailing slash and host case aside)', () => {
    const reading = parseStoredKey(serializeStoredKey(entered));
    expect(decideKey(reading, { provider: 'prime', baseUrl: 'https://api.primeintellect.ai' })).toEqual({ kind: 'use', key: USER_KEY });
    expect(decideKey(reading, { provider: 'prime', baseUrl: 'https://API.primeintellect.ai/' })).toEqual({ kind: 'use', key: USER_KEY });
  });

  it('is withheld from another base URL, scheme, port, path or provider under the same connection id', () => {
    const reading = parseStoredKey(serializeStoredKey(entered));
    for (const other of [
      { provider: 'prime' as const, baseUrl: 'https://attacker.example' },
      { provider: 'prime' as const, baseUrl: 'http://127.0.0.1:9999' },
      { provider: 'prime' as const, baseUrl: 'https://api.primeintellect.ai:8443' },
      { provider: 'prime' as const, baseUrl: 'https://api.primeintellect.ai/proxy' },
      { provider: 'nugen' as const, baseUrl: 'https://api.primeintellect.ai' },
    ]) {
      const decision = decideKey(reading, other);
      expect(decision, other.baseUrl).toEqual({ kind: 'withhold', storedFor: { provider: 'prime', baseUrl: entered.baseUrl } });
      expect(JSON.stringify(decision)).not.toContain(USER_KEY);
    }
  });

  it('withholds a bare key saved before keys were bound, and asks without showing the key', () => {
    const reading = parseStoredKey(USER_KEY);
    expect(reading).toEqual({ kind: 'unbound', key: USER_KEY });
    const connection = { id: 'prime@https://api.primeintellect.ai', provider: 'prime' as const, baseUrl: 'https://api.primeintellect.ai' };
    const decision = decideKey(reading, connection);
    expect(decision).toEqual({ kind: 'withhold' });
    expect(withheldKeyQuestion(connection, decision)).toMatch(/saved before evalgate bound keys.*not sent\. Send it to https:\/\/api\.primeintellect\.ai\?/);
  });

  it('asks naming both addresses and never the key', () => {
    const connection = { id: 'prime@https://api.primeintellect.ai', provider: 'prime' as const, baseUrl: 'http://127.0.0.1:9999' };
    const question = withheldKeyQuestion(connection, decideKey(parseStoredKey(serializeStoredKey(entered)), connection));
    expect(question).toContain('entered for prime at https://api.primeintellect.ai');
    expect(question).toContain('Send the key to http://127.0.0.1:9999?');
    expect(question).not.toContain(USER_KEY);
  });
});

describe('endpoints', () => {
  it('knows loopback hosts', () => {
    for (const host of ['127.0.0.1', '127.9.8.7', 'localhost', 'LOCALHOST', '[::1]', 'api.localhost']) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['10.0.0.1', '127.0.0.1.nip.io', 'example.com', '128.0.0.1']) expect(isLoopbackHost(host), host).toBe(false);
  });

  it('compares endpoints by scheme, host, port and path', () => {
    expect(sameEndpoint('http://127.0.0.1:4010/v1/', 'http://127.0.0.1:4010/v1')).toBe(true);
    expect(sameEndpoint('http://127.0.0.1:4010/v1', 'http://127.0.0.1:4011/v1')).toBe(false);
    expect(sameEndpoint('not a url', 'not a url')).toBe(false);
  });

  it('opens report links only as https, or http on loopback', () => {
    expect(reportUrlProblem('https://app.primeintellect.ai/evals/1')).toBeUndefined();
    expect(reportUrlProblem('http://127.0.0.1:4010/report/1')).toBeUndefined();
    for (const url of ['file:///etc/passwd', 'command:workbench.action.terminal.new', 'vscode://evil/x', 'http://example.com/r', 'javascript:alert(1)']) {
      expect(reportUrlProblem(url), url).toMatch(/only https:\/\/ links .* and this one is \w+:/);
    }
    expect(reportUrlProblem('::::')).toBe('it is not a valid URL');
  });
});

describe('the tree shows a withheld key and offers only safe report links', () => {
  const state: ConnectionState = {
    connection: { id: 'prime@https://api.primeintellect.ai', provider: 'prime', baseUrl: 'http://127.0.0.1:9999' },
    hasApiKey: false,
    grouped: false,
    keyWithheld: { storedFor: 'https://api.primeintellect.ai' },
  };
  const source: TreeModelSource = {
    connections: () => [state],
    connection: () => state,
    evaluations: () => undefined,
    groups: () => undefined,
    topList: () => undefined,
    statusFilter: () => undefined,
    outage: () => undefined,
  };

  it('marks the connection row and explains under it, with a way to enter a key for this address', () => {
    const [row] = rootNodes(source, 'ready');
    expect(row?.description).toBe('API key withheld');
    expect(row?.contextValue.split(' ')).toContain('keyWithheld');
    const [notice] = childNodes(source, row!);
    expect(notice?.label).toBe('API key not sent: it was entered for https://api.primeintellect.ai — click to set one for this address');
    expect(notice?.command).toEqual({ command: COMMANDS.setApiKey, title: 'Set API Key', arguments: [state.connection.id] });
  });

  it('marks a row openable only for an https (or loopback http) report link', () => {
    const row = (reportUrl: string) =>
      evaluationNode(
        { connectionId: 'c' },
        {
          provider: 'prime',
          id: 'e',
          name: 'e',
          status: 'completed',
          rawStatus: 'COMPLETED',
          capabilities: { canCancel: false, canFinalize: false },
          reportUrl,
        },
      ).contextValue.split(' ');
    expect(row('https://app.primeintellect.ai/e')).toContain('openable');
    expect(row('http://127.0.0.1:4010/e')).toContain('openable');
    expect(row('file:///etc/passwd')).not.toContain('openable');
    expect(row('command:workbench.action.terminal.new')).not.toContain('openable');
  });
});
