import { afterEach, beforeEach, describe, expect, it } from 'vitest';
/* eslint-disable @typescript-eslint/no-explicit-any -- tests read arbitrary JSON */
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
    const res = await t.call('POST', '/api/v3/evaluations', { model_id: 'a', custom_metrics: 'accuracy' });
    expect(res.status).toBe(422);
    expect(res.body.detail).toEqual(
      expect.arrayContaining([
        { loc: ['body', 'benchmark_id'], msg: 'Field required', type: 'missing' },
        expect.objectContaining({ loc: ['body', 'custom_metrics'] }),
      ]),
    );
  });
});

describe('Nugen create paths', () => {
  it('accepts both /api/v3/evaluations and /api/v3/evaluations/ (NUGEN-8), defaults judge_provider, accepts custom_metrics as a list too', async () => {
    const withSlash = await t.call('POST', '/api/v3/evaluations/', { model_id: 'a', benchmark_id: 'b', custom_metrics: ['accuracy'] });
    expect(withSlash.status).toBe(200);
    expect(withSlash.body.judge_provider).toBe('anthropic');
    const judged = await t.call('POST', '/api/v3/evaluations', { model_id: 'a', benchmark_id: 'b', judge_provider: 'nugen' });
    expect(judged.body.judge_provider).toBe('nugen');
    // The third-party `/create` path is no create: it falls on `/{evaluation_id}`, where only DELETE lives.
    expect((await t.call('POST', '/api/v3/evaluations/create', { model_id: 'a', benchmark_id: 'b' })).status).toBe(405);
  });

  it('has no get-one: GET /api/v3/evaluations/{id} is 405 (only DELETE lives there), and no cancel route', async () => {
    const { evaluation_id: id } = await create();
    expect((await t.call('GET', `/api/v3/evaluations/${id}`)).status).toBe(405);
    expect((await t.call('POST', `/api/v3/evaluations/${id}/cancel`)).status).toBe(404);
  });
});

describe('Nugen status and results', () => {
  it('walks PROCESSING → READY with a progress string matching the integers; results and download are 400 until READY', async () => {
    t.emu.configure({ scores: [1, 0.5, 0] });
    const { evaluation_id: id } = await create();
    const status = async () => (await t.call('GET', `/api/v3/evaluations/${id}/status`)).body;
    expect(await status()).toMatchObject({
      status: 'PROCESSING',
      benchmark_id: 'bench-1',
      progress: '0/3 questions',
      questions_completed: 0,
      total_questions: 3,
      eta_seconds: 1,
      end_time: null,
    });
    for (const path of ['results', 'download']) {
      const early = await t.call('GET', `/api/v3/evaluations/${id}/${path}`);
      expect(early.status).toBe(400);
      expect(early.body).toEqual({ detail: 'Evaluation not completed yet' });
    }
    t.clock.advance(700);
    expect(await status()).toMatchObject({ status: 'PROCESSING', progress: '2/3 questions', questions_completed: 2 });
    t.clock.advance(300);
    expect(await status()).toMatchObject({
      status: 'READY',
      progress: '3/3 questions',
      questions_completed: 3,
      eta_seconds: 0,
      end_time: '2026-01-01T12:00:01Z',
    });
    const results = await t.call('GET', `/api/v3/evaluations/${id}/results`);
    expect(results.body).toEqual({
      evaluation_id: id,
      model_id: 'model-a',
      benchmark_id: 'bench-1',
      status: 'READY',
      method: 'eval',
      raw_answers_count: 3,
      completed_at: '2026-01-01T12:00:01Z',
      metrics: { accuracy: 2 / 3, average_score: 0.5, total_questions: 3, correct_answers: 2 },
    });
    const download = await t.call('GET', `/api/v3/evaluations/${id}/download`);
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename=evaluation_results_${id}.json`);
    expect(download.body.detailed_results.map((row: { score: number }) => row.score)).toEqual([1, 0.5, 0]);
    expect(download.body.detailed_results[0]).toMatchObject({
      question_id: 'q1',
      question: expect.any(String),
      expected_answer: expect.any(String),
      model_answer: expect.any(String),
    });
    expect(t.emu.evaluations('nugen')[0]).toMatchObject({ createdAt: START, terminalAt: START + 1000, status: 'READY' });
  });

  it('speaks the older lower-case vocabulary when switched (pending → in_progress → completed, failed)', async () => {
    t.emu.configure({ nugenStatusCase: 'lower' });
    const { evaluation_id: id, status: initial } = await create();
    expect(initial).toBe('pending');
    const status = async () => (await t.call('GET', `/api/v3/evaluations/${id}/status`)).body.status;
    expect(await status()).toBe('pending');
    t.clock.advance(500);
    expect(await status()).toBe('in_progress');
    t.clock.advance(500);
    expect(await status()).toBe('completed');
    expect((await t.call('GET', `/api/v3/evaluations/${id}/results`)).body.status).toBe('completed');
    t.emu.configure({ nugenStatusCase: 'upper' });
    expect(await status()).toBe('READY');
  });

  it('comparison mode from model_id_2: results carry base_model/eval_model, download one block per model (invented layout)', async () => {
    t.emu.configure({ scores: [1, 0.5, 0] });
    const { evaluation_id: id } = await create({ model_id_2: 'model-b' });
    t.clock.advance(1000);
    const results = (await t.call('GET', `/api/v3/evaluations/${id}/results`)).body;
    expect(results).toMatchObject({ method: 'eval-compare', model_id_2: 'model-b', raw_answers_count: 6, comparison: {} });
    expect(results.metrics).toBeUndefined();
    expect(results.base_model).toEqual({ model_id: 'model-a', average_score: 0.5, total_questions: 3 });
    expect(results.eval_model.model_id).toBe('model-b');
    const download = await t.call('GET', `/api/v3/evaluations/${id}/download`);
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename=evaluation_comparison_${id}.json`);
    expect(download.body.base_model.detailed_results.map((row: { score: number }) => row.score)).toEqual([1, 0.5, 0]);
    const second = download.body.eval_model.detailed_results.map((row: { score: number }) => row.score);
    expect(second).toHaveLength(3);
    expect(results.eval_model.average_score).toBeCloseTo(avg(second), 12);
  });

  it('ends FAILED with outcome failed, and failed ones never give results or a download', async () => {
    t.emu.configure({ outcome: 'failed' });
    const { evaluation_id: failing } = await create();
    t.clock.advance(1000);
    expect((await t.call('GET', `/api/v3/evaluations/${failing}/status`)).body.status).toBe('FAILED');
    for (const path of ['results', 'download']) {
      const res = await t.call('GET', `/api/v3/evaluations/${failing}/${path}`);
      expect(res.status).toBe(400);
      expect(res.body.detail).toMatch(/failed/);
    }
  });

  it('answers 404 for unknown ids', async () => {
    for (const path of ['/api/v3/evaluations/eval-nope/status', '/api/v3/evaluations/eval-nope/results', '/api/v3/evaluations/eval-nope/download']) {
      const res = await t.call('GET', path);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ detail: 'Evaluation not found' });
    }
  });
});

describe('Nugen list and delete', () => {
  it('pages newest first with offset/limit (default 10), oldest first when switched', async () => {
    t.emu.seed('nugen', 25);
    const oldest = t.emu.evaluations('nugen').map((record) => record.id);
    const walk = async () => {
      const seen: string[] = [];
      for (let offset = 0; offset < 25; offset += 10) {
        const res = await t.call('GET', `/api/v3/evaluations?offset=${offset}`);
        expect(res.body).toMatchObject({ user_id: expect.any(String), total: 25, offset, limit: 10 });
        seen.push(...res.body.evaluations.map((e: { evaluation_id: string }) => e.evaluation_id));
      }
      return seen;
    };
    expect(await walk()).toEqual([...oldest].reverse());
    t.emu.configure({ nugenListOrder: 'oldest-first' });
    expect(await walk()).toEqual(oldest);
    expect((await t.call('GET', '/api/v3/evaluations?limit=0')).body.detail[0].loc).toEqual(['query', 'limit']);
    expect((await t.call('GET', '/api/v3/evaluations?limit=101')).status).toBe(422);
  });

  it('list items carry *_mean/_min/_max/_std once READY: flat for one model, per model for comparison; created_at without offset', async () => {
    t.emu.configure({ scores: [1, 0.5, 0] });
    const { evaluation_id: single } = await create();
    const { evaluation_id: compare } = await create({ model_id_2: 'model-b' });
    const running = (await t.call('GET', '/api/v3/evaluations')).body.evaluations;
    expect(running.map((e: { metrics: unknown }) => e.metrics)).toEqual([null, null]);
    t.clock.advance(1000);
    const items = (await t.call('GET', '/api/v3/evaluations')).body.evaluations as Array<Record<string, any>>;
    const byId = new Map(items.map((item) => [item.evaluation_id, item]));
    expect(byId.get(single)).toMatchObject({ status: 'READY', judge_provider: 'anthropic', created_at: '2026-01-01T12:00:00.000000' });
    expect(byId.get(single)?.metrics).toMatchObject({
      answer_relevance_mean: 0.5,
      answer_relevance_min: 0,
      answer_relevance_max: 1,
      binary_correctness_mean: 2 / 3,
    });
    expect(byId.get(single)?.metrics.answer_relevance_std).toBeCloseTo(Math.sqrt(1 / 6), 12);
    expect(byId.get(compare)?.metrics.base_model).toMatchObject({ answer_relevance_mean: 0.5 });
    expect(Object.keys(byId.get(compare)?.metrics.eval_model)).toContain('answer_relevance_max');
  });

  it('filters by status in either casing and by model_id', async () => {
    await create();
    t.clock.advance(1000);
    await create({ model_id: 'model-z' });
    for (const [query, count] of [
      ['status=READY', 1],
      ['status=completed', 1],
      ['status=PROCESSING', 1],
      ['status=pending', 1],
      ['status=failed', 0],
      ['model_id=model-z', 1],
    ] as const) {
      expect((await t.call('GET', `/api/v3/evaluations?${query}`)).body.total, query).toBe(count);
    }
  });

  it('deletes an evaluation, answering {id, message}', async () => {
    const { evaluation_id: id } = await create();
    const res = await t.call('DELETE', `/api/v3/evaluations/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id, message: 'Successfully deleted evaluation' });
    expect((await t.call('GET', `/api/v3/evaluations/${id}/status`)).status).toBe(404);
    expect((await t.call('DELETE', `/api/v3/evaluations/${id}`)).status).toBe(404);
  });
});
