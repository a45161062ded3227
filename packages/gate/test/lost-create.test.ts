// findLostCreate for Nugen against a node:http server answering GET /api/v3/evaluations with documented list rows
// (no model_id_2; comparison figures nested under base_model/eval_model, QUIRKS NUGEN-6), read by core's real client.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from '@evalgate/core';
import { afterEach, describe, expect, it } from 'vitest';
import { findLostCreate, type CreateTarget } from '../src/evaluation/lost-create.js';

const SINCE = Date.parse('2026-11-30T12:00:00Z');
const CREATED = '2026-11-30T12:00:30';

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function nugenListing(rows: Array<Record<string, unknown>>): Promise<string> {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method !== 'GET' || url.pathname !== '/api/v3/evaluations') {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"detail":"Not Found"}');
      return;
    }
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 10);
    const body = { user_id: 'user_1', evaluations: rows.slice(offset, offset + limit), total: rows.length, limit, offset };
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const comparisonRow = {
  evaluation_id: 'eval_comparison',
  model_id: 'model-a',
  benchmark_id: 'bench-1',
  status: 'READY',
  judge_provider: 'openai',
  created_at: CREATED,
  metrics: { base_model: { accuracy_mean: 0.7, accuracy_min: 0.1, accuracy_max: 1 }, eval_model: { accuracy_mean: 0.8, accuracy_min: 0.2, accuracy_max: 1 } },
};
const singleRow = { ...comparisonRow, evaluation_id: 'eval_single', metrics: { accuracy_mean: 0.7, accuracy_min: 0.1, accuracy_max: 1 } };
const runningRow = { ...comparisonRow, evaluation_id: 'eval_running', status: 'PROCESSING', metrics: null };

async function lost(rows: Array<Record<string, unknown>>, target: CreateTarget) {
  const client = createClient({ provider: 'nugen', apiKey: 'nugen-key', baseUrl: await nugenListing(rows), maxRetries: 0 });
  return findLostCreate(client, target, SINCE);
}

const single: CreateTarget = { provider: 'nugen', modelId: 'model-a', benchmarkId: 'bench-1' };
const comparison: CreateTarget = { ...single, modelId2: 'model-b' };

describe('findLostCreate, nugen mode', () => {
  it('a single-model create does not adopt a comparison run of the same model and benchmark', async () => {
    expect(await lost([comparisonRow], single)).toBeUndefined();
  });

  it('a single-model create adopts a single-model run, or one whose mode does not show yet', async () => {
    expect((await lost([comparisonRow, singleRow], single))?.id).toBe('eval_single');
    expect((await lost([comparisonRow, runningRow], single))?.id).toBe('eval_running');
  });

  it('a comparison create does not adopt a single-model run, and adopts one naming its second model', async () => {
    expect(await lost([singleRow], comparison)).toBeUndefined();
    expect((await lost([singleRow, { ...comparisonRow, model_id_2: 'model-b' }], comparison))?.id).toBe('eval_comparison');
    expect(await lost([{ ...comparisonRow, model_id_2: 'model-c' }], comparison)).toBeUndefined();
  });

  it('matches model, benchmark and second model exactly, not as substrings', async () => {
    expect(await lost([{ ...singleRow, benchmark_id: 'bench-10' }], single)).toBeUndefined();
    expect(await lost([{ ...singleRow, model_id: 'model-ab' }], single)).toBeUndefined();
    expect(await lost([{ ...comparisonRow, model_id_2: 'model-bb' }], comparison)).toBeUndefined();
    // A second model whose id is part of the first model's no longer matches through the name.
    expect(
      await lost([{ ...runningRow, model_id: 'model-b-large' }], { provider: 'nugen', modelId: 'model-b-large', benchmarkId: 'bench-1', modelId2: 'model-b' }),
    ).toBeUndefined();
    expect((await lost([{ ...singleRow, benchmark_id: 'bench-10', evaluation_id: 'eval_other' }, singleRow], single))?.id).toBe('eval_single');
  });
});
