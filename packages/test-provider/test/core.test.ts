import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationError, createClient, normalizeStatus, PROVIDER_NAMES, providerNames, providers, type CreateEvaluationRequest } from '@evalgate/core';
import { registerAcmeInCore } from '../src/register-core.js';
import { json, startTestServer, type TestServer } from './support/test-server.js';

const job = (state: string, extra: Record<string, unknown> = {}) => ({
  job: { id: 'job/1', suite: 'math', model: 'm-1', state, done: 2, total: 4, created: '2026-01-01T00:00:00Z', ...extra },
});

describe('a test-only fourth provider walks through core by one folder and one registry line', () => {
  it('is unknown before it is registered: createClient and normalizeStatus refuse it by name', () => {
    expect(() => createClient({ provider: 'acme', apiKey: 'k' })).toThrow(ConfigurationError);
    expect(() => createClient({ provider: 'acme', apiKey: 'k' })).toThrow(/set provider to one of 'prime', 'openai', 'nugen'/);
    expect(() => normalizeStatus('acme', 'DONE')).toThrow(/No provider named 'acme'/);
  });

  describe('once registered', () => {
    let server: TestServer;
    let unregister: () => void;
    beforeAll(async () => {
      unregister = registerAcmeInCore();
      server = await startTestServer();
    });
    afterAll(async () => {
      unregister();
      await server.close();
    });

    it('is listed after the shipped providers, which stay the only ones in PROVIDER_NAMES', () => {
      expect(providerNames()).toEqual(['prime', 'openai', 'nugen', 'acme']);
      expect(PROVIDER_NAMES).toEqual(['prime', 'openai', 'nugen']);
      expect(providers().at(-1)).toMatchObject({ name: 'acme', defaultBaseUrl: 'https://api.acme.invalid', capabilities: { cancel: true, metadata: true } });
    });

    it('normalizes its statuses from its own table', () => {
      expect(normalizeStatus('acme', 'WORKING')).toBe('running');
      expect(normalizeStatus('acme', 'STOPPED')).toBe('cancelled');
      expect(normalizeStatus('acme', 'done')).toBe('unknown');
    });

    it('creates, polls to completion, lists and cancels over HTTP with an encoded id', async () => {
      const client = createClient({ provider: 'acme', apiKey: 'acme-key', baseUrl: server.url, sleep: () => Promise.resolve() });
      expect(client.provider).toBe('acme');
      const request: CreateEvaluationRequest = { provider: 'acme', suite: 'math', model: 'm-1', labels: { pr: '7' } };

      server.respond(json(200, job('WAITING', { labels: { pr: '7' } })));
      const created = await client.create(request);
      expect(created).toMatchObject({ provider: 'acme', id: 'job/1', status: 'queued', metadata: { pr: '7' } });
      expect(server.requests.at(-1)).toMatchObject({ method: 'POST', url: '/acme/v1/jobs' });
      expect(JSON.parse(server.requests.at(-1)!.body)).toEqual({ suite: 'math', model: 'm-1', labels: { pr: '7' } });
      expect(server.requests.at(-1)!.headers.authorization).toBe('Bearer acme-key');

      server.respond(json(200, job('WORKING')), json(200, job('DONE', { done: 4, score_mean: 0.75 })));
      const done = await client.waitForCompletion(created.id);
      expect(done).toMatchObject({ status: 'completed', scores: { avg: 0.75, count: 4 }, capabilities: { canCancel: false } });
      expect(server.requests.at(-1)).toMatchObject({ method: 'GET', url: '/acme/v1/jobs/job%2F1' });

      server.respond(json(200, { jobs: [job('DONE').job], next_page_token: 'p2' }), json(200, { jobs: [job('BROKEN', { id: 'job-2' }).job] }));
      const listed = [];
      for await (const evaluation of client.list({ pageSize: 1 })) listed.push(evaluation);
      expect(listed.map((evaluation) => [evaluation.id, evaluation.status])).toEqual([
        ['job/1', 'completed'],
        ['job-2', 'failed'],
      ]);
      expect(server.requests.at(-1)?.url).toBe('/acme/v1/jobs?limit=1&page_token=p2');

      server.respond(json(200, job('STOPPED')));
      expect((await client.cancel('job/1')).status).toBe('cancelled');
      expect(server.requests.at(-1)).toMatchObject({ method: 'POST', url: '/acme/v1/jobs/job%2F1/stop' });
    });

    it('refuses a request meant for another provider, and a second registration of the same name', async () => {
      const client = createClient({ provider: 'acme', apiKey: 'k', baseUrl: server.url });
      await expect(client.create({ provider: 'nugen', modelId: 'a', benchmarkId: 'b' })).rejects.toThrow(/needs a request with provider: 'acme'/);
      expect(() => registerAcmeInCore()).toThrow(/already registered/);
    });
  });
});
