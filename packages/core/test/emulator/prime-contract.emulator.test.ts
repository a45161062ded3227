/**
 * Every request core sends for Prime, and every answer it reads, checked against prime-evaluations.openapi.yaml:
 * a recording proxy on 127.0.0.1 sits between the client and the emulator.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { operations, requestBodySchema, responseSchema, violations } from '@evalgate/api-specs';
import { createClient, type EvalClient, type PrimeCreateRequest } from '../../src/index.js';
import { EMULATOR_KEY, startHarness, type EmulatorHarness } from '../support/emulator-setup.js';

const SPEC = 'prime-evaluations.openapi';

interface Exchange {
  method: string;
  path: string;
  requestBody: unknown;
  status: number;
  responseBody: unknown;
}

/** `METHOD /template` of the spec operation a concrete request hits, or undefined. */
function operationOf(method: string, path: string): string | undefined {
  const pathname = path.split('?')[0] ?? '';
  for (const operation of operations(SPEC).keys()) {
    const [opMethod, template] = operation.split(' ') as [string, string];
    if (opMethod !== method) continue;
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (pattern.test(pathname)) return operation;
  }
  return undefined;
}

async function startRecordingProxy(target: string): Promise<{ url: string; exchanges: Exchange[]; close(): Promise<void> }> {
  const exchanges: Exchange[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const headers: Record<string, string> = { authorization: String(req.headers.authorization ?? '') };
      if (text !== '') headers['content-type'] = 'application/json';
      void fetch(`${target}${req.url ?? ''}`, { method: req.method ?? 'GET', headers, ...(text !== '' ? { body: text } : {}) }).then(async (answer) => {
        const body = await answer.text();
        exchanges.push({
          method: req.method ?? 'GET',
          path: req.url ?? '',
          requestBody: text === '' ? undefined : JSON.parse(text),
          status: answer.status,
          responseBody: body === '' ? undefined : JSON.parse(body),
        });
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(body);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    exchanges,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let h: EmulatorHarness;
let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
let client: EvalClient;
beforeEach(async () => {
  h = await startHarness({ durationMs: 2000, sampleCount: 5 });
  proxy = await startRecordingProxy(h.emu.baseUrls.prime);
  client = createClient({ provider: 'prime', apiKey: EMULATOR_KEY, baseUrl: proxy.url, now: h.clock.now, sleep: h.clock.sleep, maxRetries: 0 });
});
afterEach(async () => {
  await proxy.close();
  await h.emu.close();
});

const hosted: PrimeCreateRequest = {
  provider: 'prime',
  name: 'contract',
  isHosted: true,
  environments: [{ id: 'gsm8k' }],
  inferenceModel: 'llama',
  evalConfig: { num_examples: 5, rollouts_per_example: 3, env_args: {} },
  tags: ['evalgate'],
  metadata: { evalgate: '1' },
  description: 'from CI',
};

describe('core Prime requests and the answers it reads, against prime-evaluations.openapi.yaml', () => {
  it('covers every Prime operation core uses, each request and 2xx answer valid', async () => {
    const run = await client.create(hosted);
    await client.waitForCompletion(run.id, { initialIntervalMs: 500 });
    await client.finalize(run.id);
    const toCancel = await client.create(hosted);
    await client.cancel(toCancel.id);
    for await (const _evaluation of client.list({ pageSize: 100, environmentId: 'gsm8k' })) void _evaluation;
    const pushed = await client.create({
      provider: 'prime',
      name: 'pushed',
      environments: [{ id: 'gsm8k', versionId: 'v1' }],
      modelName: 'mine',
      tags: [],
      metadata: {},
    });
    await client.pushSamples(pushed.id, [{ reward: 1 }, { score: 0.5, prompt: 'q' }]);
    await client.finalize(pushed.id);
    await client.get(pushed.id);
    // Samples without a number: Prime reports null figures, so core reads the samples back.
    const unscored = await client.create({ provider: 'prime', name: 'unscored' });
    await client.pushSamples(unscored.id, [{ prompt: 'q', completion: 'a' }]);
    expect((await client.finalize(unscored.id)).scores).toBeUndefined();

    const used = new Set<string>();
    for (const exchange of proxy.exchanges) {
      const operation = operationOf(exchange.method, exchange.path);
      expect(operation, `${exchange.method} ${exchange.path} is not a spec operation`).toBeDefined();
      const [method, template] = (operation as string).split(' ') as [string, string];
      used.add(operation as string);
      if (exchange.requestBody !== undefined) {
        expect(violations(requestBodySchema(SPEC, template, method), exchange.requestBody), `${operation} request`).toBe('');
      }
      expect(exchange.status, `${operation} ${JSON.stringify(exchange.responseBody)}`).toBeLessThan(300);
      expect(violations(responseSchema(SPEC, template, method, exchange.status), exchange.responseBody), `${operation} ${exchange.status}`).toBe('');
    }
    expect([...used].sort()).toEqual(
      [
        'POST /api/v1/hosted-evaluations',
        'PUT /api/v1/evaluations/{evaluation_id}',
        'GET /api/v1/evaluations/{evaluation_id}',
        'GET /api/v1/evaluations/{evaluation_id}/samples',
        'PATCH /api/v1/hosted-evaluations/{evaluation_id}/cancel',
        'GET /api/v1/evaluations/',
        'POST /api/v1/evaluations/',
        'POST /api/v1/evaluations/{evaluation_id}/samples',
        'POST /api/v1/evaluations/{evaluation_id}/finalize',
      ].sort(),
    );
  });
});
