import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestEmulator, START, avg, type TestEmulator } from './helpers.js';

let t: TestEmulator;
beforeEach(async () => {
  t = await startTestEmulator();
});
afterEach(async () => {
  await t.emu.close();
});

const createHosted = async (extra: Record<string, unknown> = {}) =>
  (await t.call('POST', '/api/v1/evaluations/', { name: 'hosted', is_hosted: true, ...extra })).body;

describe('Prime create', () => {
  it('creates with 201 and the documented fields, eval_type from suite/run ids', async () => {
    const res = await t.call('POST', '/api/v1/evaluations/', {
      name: 'env eval',
      environments: [{ id: 'env-1', version_id: 'v-9' }],
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-request-id')).toMatch(/^req_\d+$/);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.body).toMatchObject({
      name: 'env eval',
      status: 'RUNNING',
      eval_type: 'environment',
      environment_ids: ['env-1'],
      version_id: 'v-9',
      suite_id: null,
      run_id: null,
      created_at: new Date(START).toISOString(),
    });
    expect(res.body.evaluation_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect((await t.call('POST', '/api/v1/evaluations', { name: 's', suite_id: 'suite-1' })).body.eval_type).toBe('suite');
    expect((await t.call('POST', '/api/v1/evaluations', { name: 'r', run_id: 'run-1' })).body.eval_type).toBe('training');
  });

  it('answers 401 without or with a wrong key', async () => {
    for (const key of [null, 'wrong-key']) {
      const res = await t.call('POST', '/api/v1/evaluations/', { name: 'x' }, { key });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ detail: 'Not authenticated' });
    }
    expect(t.emu.evaluations('prime')).toHaveLength(0);
  });

  it('answers 422 naming the field for bad bodies', async () => {
    const missing = await t.call('POST', '/api/v1/evaluations/', { is_hosted: true });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([{ param: 'name', details: 'Field required' }]);
    const wrongType = await t.call('POST', '/api/v1/evaluations/', { name: 'x', eval_config: { num_examples: 5, rollouts_per_example: 0 } });
    expect(wrongType.status).toBe(422);
    expect(wrongType.body.errors[0].param).toBe('eval_config.rollouts_per_example');
    const notJson = await t.call('POST', '/api/v1/evaluations/', undefined, { rawBody: '{nope' });
    expect(notJson.status).toBe(422);
    expect(notJson.body.errors[0].details).toMatch(/not valid JSON/);
  });
});

describe('Prime get and lifecycle', () => {
  it('goes PENDING → RUNNING with progress → COMPLETED with simulated stats over the injected clock', async () => {
    const { evaluation_id: id } = await createHosted();
    const get = async () => (await t.call('GET', `/api/v1/evaluations/${id}`)).body;
    expect(await get()).toMatchObject({ status: 'PENDING', progress: 0, avg_score: null, completed_at: null, is_hosted: true });
    t.clock.advance(550); // 10% queued, then 450 of 900 ms running
    expect(await get()).toMatchObject({ status: 'RUNNING', progress: 0.5, avg_score: null });
    t.clock.advance(450);
    const done = await get();
    const [record] = t.emu.evaluations('prime');
    expect(done).toMatchObject({ status: 'COMPLETED', progress: 1, total_samples: 10, completed_at: new Date(START + 1000).toISOString() });
    expect(done.avg_score).toBeCloseTo(avg(record!.scores), 10);
    expect(done.min_score).toBe(Math.min(...record!.scores));
    expect(done.max_score).toBe(Math.max(...record!.scores));
    expect(record).toMatchObject({ createdAt: START, terminalAt: START + 1000, status: 'COMPLETED' });
  });

  it('ends FAILED or TIMEOUT when configured so', async () => {
    t.emu.configure({ outcome: 'failed' });
    const failed = await createHosted();
    t.emu.configure({ outcome: 'timeout' });
    const timedOut = await createHosted();
    t.clock.advance(1000);
    expect((await t.call('GET', `/api/v1/evaluations/${failed.evaluation_id}`)).body.status).toBe('FAILED');
    expect((await t.call('GET', `/api/v1/evaluations/${timedOut.evaluation_id}`)).body.status).toBe('TIMEOUT');
  });

  it('answers 404 for an unknown id and 401 without a key', async () => {
    const res = await t.call('GET', '/api/v1/evaluations/does-not-exist');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ detail: 'Evaluation not found' });
    expect((await t.call('GET', '/api/v1/evaluations/does-not-exist', undefined, { key: null })).status).toBe(401);
  });
});

describe('Prime list', () => {
  it('pages newest first with skip/limit and total', async () => {
    t.emu.seed('prime', 7);
    const ids = t.emu.evaluations('prime').map((record) => record.id).reverse();
    const seen: string[] = [];
    for (let skip = 0; skip < 7; skip += 3) {
      const res = await t.call('GET', `/api/v1/evaluations/?skip=${skip}&limit=3`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ total: 7, skip, limit: 3 });
      seen.push(...res.body.evaluations.map((e: { evaluation_id: string }) => e.evaluation_id));
    }
    expect(seen).toEqual(ids);
  });

  it('rejects limit outside 1..100 with 422', async () => {
    for (const limit of [0, 101, 'abc']) {
      const res = await t.call('GET', `/api/v1/evaluations/?limit=${limit}`);
      expect(res.status).toBe(422);
      expect(res.body.errors[0].param).toBe('limit');
    }
  });
});

describe('Prime samples and finalize (client-driven)', () => {
  it('stays RUNNING until finalize, which returns the pushed scores’ avg/min/max', async () => {
    const { evaluation_id: id } = (await t.call('POST', '/api/v1/evaluations/', { name: 'pushed' })).body;
    const scores = [0.2, 0.9, 0.55, 0.4];
    const push1 = await t.call('POST', `/api/v1/evaluations/${id}/samples`, { samples: scores.slice(0, 2).map((score, i) => ({ i, score })) });
    expect(push1.body).toEqual({ evaluation_id: id, samples_added: 2, total_samples: 2 });
    const push2 = await t.call('POST', `/api/v1/evaluations/${id}/samples`, { samples: [...scores.slice(2).map((score) => ({ score })), { note: 'unscored' }] });
    expect(push2.body).toEqual({ evaluation_id: id, samples_added: 3, total_samples: 5 });
    t.clock.advance(60_000);
    expect((await t.call('GET', `/api/v1/evaluations/${id}`)).body).toMatchObject({ status: 'RUNNING', progress: null, is_hosted: false });

    const fin = await t.call('POST', `/api/v1/evaluations/${id}/finalize`, { metrics: { accuracy: 0.5 } });
    expect(fin.status).toBe(200);
    expect(fin.body).toMatchObject({ evaluation_id: id, status: 'COMPLETED', total_samples: 5, min_score: 0.2, max_score: 0.9 });
    expect(fin.body.avg_score).toBeCloseTo(avg(scores), 12);
    expect(t.emu.evaluations('prime')[0]).toMatchObject({ terminalAt: START + 60_000, status: 'COMPLETED' });

    const again = await t.call('POST', `/api/v1/evaluations/${id}/finalize`);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'COMPLETED', avg_score: fin.body.avg_score });
    expect((await t.call('POST', `/api/v1/evaluations/${id}/samples`, { samples: [{ score: 1 }] })).status).toBe(409);
  });

  it('limits samples to 500 per request and validates scores', async () => {
    const { evaluation_id: id } = (await t.call('POST', '/api/v1/evaluations/', { name: 'pushed' })).body;
    const tooMany = await t.call('POST', `/api/v1/evaluations/${id}/samples`, { samples: Array.from({ length: 501 }, () => ({ score: 1 })) });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.errors[0]).toMatchObject({ param: 'samples' });
    const badScore = await t.call('POST', `/api/v1/evaluations/${id}/samples`, { samples: [{ score: 'high' }] });
    expect(badScore.status).toBe(422);
    expect(badScore.body.errors[0].param).toBe('samples.0.score');
  });

  it('refuses samples on hosted ones and finalizing a running hosted one (409)', async () => {
    const { evaluation_id: id } = await createHosted();
    expect((await t.call('POST', `/api/v1/evaluations/${id}/samples`, { samples: [{ score: 1 }] })).status).toBe(409);
    expect((await t.call('POST', `/api/v1/evaluations/${id}/finalize`)).status).toBe(409);
    t.clock.advance(1000);
    const fin = await t.call('POST', `/api/v1/evaluations/${id}/finalize`);
    expect(fin.status).toBe(200);
    expect(fin.body.avg_score).toBeCloseTo(avg(t.emu.evaluations('prime')[0]!.scores), 12);
    expect((await t.call('POST', '/api/v1/evaluations/nope/finalize')).status).toBe(404);
  });
});

describe('Prime cancel', () => {
  it('cancels a running hosted evaluation, then 409; 400 for a non-hosted one; 404 unknown', async () => {
    const { evaluation_id: id } = await createHosted();
    t.clock.advance(300);
    const res = await t.call('PATCH', `/api/v1/hosted-evaluations/${id}/cancel`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ evaluation_id: id, status: 'CANCELLED' });
    t.clock.advance(5000);
    expect((await t.call('GET', `/api/v1/evaluations/${id}`)).body.status).toBe('CANCELLED');
    expect(t.emu.evaluations('prime')[0]!.terminalAt).toBe(START + 300);
    expect((await t.call('PATCH', `/api/v1/hosted-evaluations/${id}/cancel`)).status).toBe(409);

    const { evaluation_id: local } = (await t.call('POST', '/api/v1/evaluations/', { name: 'local' })).body;
    expect((await t.call('PATCH', `/api/v1/hosted-evaluations/${local}/cancel`)).status).toBe(400);
    expect((await t.call('PATCH', '/api/v1/hosted-evaluations/nope/cancel')).status).toBe(404);
  });
});
