/**
 * Every request core sends to Nugen, and every answer it reads, checked against the pack's
 * nugen-evaluations.openapi.yaml: a node:http proxy on 127.0.0.1 records the exchanges between the client and the emulator.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApiDocument, requestBodySchema, responseSchema, violations } from '@evalgate/api-specs';
import { createClient } from '../../src/index.js';
import { EMULATOR_KEY, startHarness, type EmulatorHarness } from '../support/emulator-setup.js';

const FILE = 'nugen-evaluations.openapi';

interface Exchange {
  method: string;
  url: string;
  requestBody: string;
  status: number;
  responseBody: string;
}

interface Parameter {
  name: string;
  in: string;
  schema?: { type?: string; minimum?: number; maximum?: number };
}

let h: EmulatorHarness;
let proxy: http.Server;
let proxyUrl: string;
let exchanges: Exchange[];

beforeEach(async () => {
  h = await startHarness({ durationMs: 10_000, sampleCount: 5 });
  exchanges = [];
  proxy = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const requestBody = Buffer.concat(chunks).toString('utf8');
      void fetch(`${h.emu.url}${req.url ?? ''}`, {
        method: req.method ?? 'GET',
        headers: { authorization: req.headers.authorization ?? '', 'content-type': 'application/json' },
        ...(requestBody !== '' ? { body: requestBody } : {}),
      }).then(async (upstream) => {
        const responseBody = await upstream.text();
        exchanges.push({ method: req.method ?? '', url: req.url ?? '', requestBody, status: upstream.status, responseBody });
        res.writeHead(upstream.status, { 'content-type': 'application/json' });
        res.end(responseBody);
      });
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterEach(async () => {
  proxy.closeAllConnections();
  await new Promise<void>((resolve) => proxy.close(() => resolve()));
  await h.emu.close();
});

const client = () => createClient({ provider: 'nugen', apiKey: EMULATOR_KEY, baseUrl: proxyUrl, now: h.clock.now, sleep: h.clock.sleep, random: () => 0.5 });

/** The spec's path template for a concrete path (`/api/v3/evaluations/eval-1/status` → `…/{evaluation_id}/status`). */
function templateOf(pathname: string, method: string): string | undefined {
  const paths = openApiDocument(FILE).paths as Record<string, Record<string, unknown>>;
  return Object.keys(paths).find((template) => {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}/?$`);
    return pattern.test(pathname) && paths[template]?.[method.toLowerCase()] !== undefined;
  });
}

/** Query parameters against the operation's declared ones: known names, integers within their bounds. */
function queryViolations(template: string, method: string, search: URLSearchParams): string[] {
  const operation = (openApiDocument(FILE).paths as Record<string, Record<string, { parameters?: Parameter[] }>>)[template]?.[method.toLowerCase()];
  const declared = new Map((operation?.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p]));
  const problems: string[] = [];
  for (const [name, value] of search) {
    const parameter = declared.get(name);
    if (!parameter) {
      problems.push(`undeclared query parameter ${name}`);
      continue;
    }
    const schema = parameter.schema ?? {};
    if (schema.type !== 'integer') continue;
    const number = Number(value);
    if (!/^\d+$/.test(value)) problems.push(`${name}=${value} is not an integer`);
    if (schema.minimum !== undefined && number < schema.minimum) problems.push(`${name}=${value} < ${schema.minimum}`);
    if (schema.maximum !== undefined && number > schema.maximum) problems.push(`${name}=${value} > ${schema.maximum}`);
  }
  return problems;
}

describe('core ↔ Nugen wire contract', () => {
  it('every request core sends and every 2xx answer it reads conform to the spec, across all operations core uses', async () => {
    const c = client();
    const single = await c.create({ provider: 'nugen', modelId: 'a', benchmarkId: 'b', customMetrics: { metrics: ['f1'] }, judgeProvider: 'nugen' });
    const compare = await c.create({ provider: 'nugen', modelId: 'a', benchmarkId: 'b', modelId2: 'c' });
    await c.get(single.id);
    await c.waitForCompletion(single.id, { initialIntervalMs: 1000 });
    await c.waitForCompletion(compare.id, { initialIntervalMs: 1000 });
    h.emu.seed('nugen', 7);
    for await (const _ of c.list({ pageSize: 3 })) void _;
    await c.listPage({ pageSize: 100 });
    await c.finalize(single.id);
    await c.cancel(single.id).catch(() => undefined);

    const used = new Set<string>();
    for (const exchange of exchanges) {
      const url = new URL(exchange.url, proxyUrl);
      const template = templateOf(url.pathname, exchange.method);
      expect(template, `${exchange.method} ${url.pathname} is a documented operation`).toBeDefined();
      if (!template) continue;
      used.add(`${exchange.method} ${template}`);
      expect(url.pathname.endsWith('/'), `${exchange.method} ${url.pathname} has no trailing slash`).toBe(false);
      expect(queryViolations(template, exchange.method, url.searchParams)).toEqual([]);
      if (exchange.method === 'POST') {
        expect(violations(requestBodySchema(FILE, template, 'POST'), JSON.parse(exchange.requestBody))).toBe('');
      } else {
        expect(exchange.requestBody).toBe('');
      }
      expect(exchange.status, `${exchange.method} ${exchange.url}`).toBe(200);
      expect(violations(responseSchema(FILE, template, exchange.method, 200), JSON.parse(exchange.responseBody)), `${exchange.method} ${exchange.url}`).toBe(
        '',
      );
    }
    expect([...used].sort()).toEqual([
      'GET /api/v3/evaluations',
      'GET /api/v3/evaluations/{evaluation_id}/download',
      'GET /api/v3/evaluations/{evaluation_id}/results',
      'GET /api/v3/evaluations/{evaluation_id}/status',
      'POST /api/v3/evaluations',
    ]);
  });
});
