import { createClient, type EvalClient, type ProviderCapabilities } from '@evalgate/core';
import { startEmulator, type Emulator } from '@evalgate/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findReattachment } from '../src/evaluation/reattach.js';
import type { Logger } from '../src/ports.js';

// The gate asks what a provider can do, never which provider it is: the same Prime client, told it keeps no
// metadata, must not be searched by metadata.
const KEY = 'gate-capabilities-key';
const silent: Logger = { info: () => {}, warning: () => {}, error: () => {}, debug: () => {} };
const context = { repository: 'acme/widgets', eventName: 'pull_request', sha: 'abc123', isFork: false };
const tags = { evalgate: '1', evalgate_repo: context.repository, evalgate_sha: context.sha, evalgate_config: 'cfg' };

/** The real client with other capabilities (the methods stay the real ones, reached through the prototype chain). */
function withCapabilities(client: EvalClient, changes: Partial<ProviderCapabilities>): EvalClient {
  return Object.create(client, { capabilities: { value: { ...client.capabilities, ...changes } } }) as EvalClient;
}

describe('the gate branches on capabilities, not provider names', () => {
  let emulator: Emulator;
  let client: EvalClient;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, apiKey: KEY, durationMs: 60_000 });
    client = createClient({ provider: 'prime', apiKey: KEY, baseUrl: emulator.baseUrls.prime, maxRetries: 0 });
    await client.create({ provider: 'prime', name: 'earlier attempt', metadata: tags });
  });
  afterAll(() => emulator.close());

  const lookup = (subject: EvalClient) =>
    findReattachment({ client: subject, context, fingerprint: 'cfg', onlyCompleted: false, now: Date.now(), logger: silent });
  const listRequests = () => emulator.requests.filter((request) => request.method === 'GET' && /^\/api\/v1\/evaluations\/?(\?|$)/.test(request.path)).length;

  it('re-attaches through the metadata where the provider keeps it', async () => {
    const before = listRequests();
    const { found } = await lookup(client);
    expect(found).toMatchObject({ via: 'metadata', evaluation: { name: 'earlier attempt' } });
    expect(listRequests()).toBeGreaterThan(before);
  });

  it('does not list at all where it keeps none', async () => {
    const before = listRequests();
    const { found } = await lookup(withCapabilities(client, { metadata: false }));
    expect(found).toBeUndefined();
    expect(listRequests()).toBe(before);
  });
});
