import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestEmulator, START, avg, type TestEmulator } from './helpers.js';

let t: TestEmulator;
beforeEach(async () => {
  t = await startTestEmulator();
});
afterEach(async () => {
  await t.emu.close();
});

const create = async (extra: Record<string, unknown> = {}) =>
  (await t.call('POST', '/api/v3/evaluations', { model_id: 'model-a', benchmark_id: 'bench-1', ...extra })).body;

describe('Nugen create', () => {
  it('creates with 200 PROCESSING and an eval- id', async () => {
    const res = await t.call('POST', '/api/v3/evaluations', { model_id: 'model-a', benchmark_id: 'bench-1', custom_metrics: { tone: {} } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ model_id: 'model-a', benchmark_id: 'bench-1', status: 'PROCESSING', created_at: '2026-01-01T12:00:00Z' });
    expect(res.body.evaluation_id).toMatch(/^eval-[0-9a-f]{16}$/);
    expect(typeof res.body.message).toBe('string');
  });

  it('answers 401 and FastAPI 422 naming the field', async () => {
    expect((await t.call('POST', '/api/v3/evaluations', { model_id: 'a', benchmark_id: 'b' }, { key: null })).body).toEqual({ detail: 'Not authenticated' });
    const res = await t.call('POST', '/api/v3/evaluations', { model_id: 'a', custom_metrics: ['accuracy'] });
    expect(res.status).toBe(422);
    expect(res.body.detail).toEqual(
      expect.arrayContaining([
        { loc: ['body', 'benchmark_id'], msg: 'Field required', type: 'missing' },
        expect.objectContaining({ loc: ['body', 'custom_metrics'] }),
      ]),
    );
  });
});

describe('Nugen status and results', () => {
  it('walks pending → processing → completed; results are 400 until complete, then match the scores', async () => {
    t.emu.configure({ scores: [1, 0.5, 0] });
    const { evaluation_id: id } = await create({ model_id_2: 'model-b' });
    const status = async () => (await t.call('GET', `/api/v3/evaluations/${id}/status`)).body;
    expect(await status()).toMatchObject({ status: 'pending', progress: 0, questions_completed: 0, total_questions: 3, eta_seconds: 1 });
    const early = await t.call('GET', `/api/v3/evaluations/${id}/results`);
    expect(early.status).toBe(400);
    expect(early.body).toEqual({ detail: 'Evaluation is not complete' });
    t.clock.advance(700);
    expect(await status()).toMatchObject({ status: 'processing', progress: 67, questions_completed: 2 });
    expect((await t.call('GET', `/api/v3/evaluations/${id}/results`)).status).toBe(400);
    t.clock.advance(300);
    expect(await status()).toMatchObject({ status: 'completed', progress: 100, questions_completed: 3, eta_seconds: 0 });
    const results = await t.call('GET', `/api/v3/evaluations/${id}/results`);
    expect(results.status).toBe(200);
    expect(results.body).toMatchObject({
      evaluation_id: id,
      status: 'completed',
      model_id_2: 'model-b',
      completed_at: '2026-01-01T12:00:01Z',
      results: { average_score: 0.5, total_questions: 3, scores: [1, 0.5, 0] },
    });
    expect(results.body.comparison.model_id).toBe('model-b');
    expect(results.body.comparison.average_score).toBeCloseTo(avg(results.body.comparison.scores), 12);
    expect(t.emu.evaluations('nugen')[0]).toMatchObject({ createdAt: START, terminalAt: START + 1000, status: 'completed' });
  });

  it('has no comparison without model_id_2, and failed ones never give results', async () => {
    const { evaluation_id: single } = await create();
    t.emu.configure({ outcome: 'failed' });
    const { evaluation_id: failing } = await create();
    t.clock.advance(1000);
    expect((await t.call('GET', `/api/v3/evaluations/${single}/results`)).body.comparison).toBeNull();
    expect((await t.call('GET', `/api/v3/evaluations/${failing}/status`)).body.status).toBe('failed');
    expect((await t.call('GET', `/api/v3/evaluations/${failing}/results`)).status).toBe(400);
  });

  it('answers 404 for unknown ids', async () => {
    for (const path of ['/api/v3/evaluations/eval-nope/status', '/api/v3/evaluations/eval-nope/results']) {
      const res = await t.call('GET', path);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ detail: 'Evaluation not found' });
    }
  });
});

describe('Nugen list and delete', () => {
  it('pages newest first with offset/limit and uppercase statuses', async () => {
    t.emu.seed('nugen', 45);
    const ids = t.emu.evaluations('nugen').map((record) => record.id).reverse();
    const seen: string[] = [];
    for (let offset = 0; offset < 45; offset += 20) {
      const res = await t.call('GET', `/api/v3/evaluations?offset=${offset}&limit=20`);
      expect(res.body).toMatchObject({ total: 45, offset, limit: 20 });
      seen.push(...res.body.evaluations.map((e: { evaluation_id: string }) => e.evaluation_id));
    }
    expect(seen).toEqual(ids);
    t.clock.advance(1000);
    const after = await t.call('GET', '/api/v3/evaluations?limit=1');
    expect(after.body.evaluations[0].status).toBe('READY');
    expect((await t.call('GET', '/api/v3/evaluations?limit=0')).body.detail[0].loc).toEqual(['query', 'limit']);
  });

  it('deletes an evaluation', async () => {
    const { evaluation_id: id } = await create();
    const res = await t.call('DELETE', `/api/v3/evaluations/${id}`);
    expect(res.status).toBe(200);
    expect(typeof res.body.message).toBe('string');
    expect((await t.call('GET', `/api/v3/evaluations/${id}/status`)).status).toBe(404);
    expect((await t.call('DELETE', `/api/v3/evaluations/${id}`)).status).toBe(404);
  });
});
