import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestEmulator, START, avg, type TestEmulator } from './helpers.js';

let t: TestEmulator;
beforeEach(async () => {
  t = await startTestEmulator();
});
afterEach(async () => {
  await t.emu.close();
});

const EVAL_CONFIG = { num_examples: 5, rollouts_per_example: 3, timeout_minutes: 120 };
const hostedBody = (extra: Record<string, unknown> = {}) => ({ environment_ids: ['gsm8k'], inference_model: 'llama', eval_config: EVAL_CONFIG, ...extra });
const createHosted = async (extra: Record<string, unknown> = {}) => (await t.call('POST', '/api/v1/hosted-evaluations', hostedBody(extra))).body;
const createPushed = async (body: Record<string, unknown> = {}) => (await t.call('POST', '/api/v1/evaluations/', { name: 'pushed', ...body })).body;
const get = async (id: string) => (await t.call('GET', `/api/v1/evaluations/${id}`)).body;

describe('Prime create (push flow, POST /api/v1/evaluations/)', () => {
  it('creates with 201 and the documented fields, eval_type from suite/run ids, with or without the slash', async () => {
    const res = await t.call('POST', '/api/v1/evaluations/', { name: 'env eval', environments: [{ id: 'env-1', version_id: 'v-9' }] });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-request-id')).toMatch(/^req_\d+$/);
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

  it('stores is_hosted, inference_model and eval_config but starts nothing (QUIRKS PRIME-1 choice)', async () => {
    const created = await createPushed({ is_hosted: true, inference_model: 'llama', eval_config: { num_examples: 2, rollouts_per_example: 1 } });
    t.clock.advance(60_000);
    expect(await get(created.evaluation_id)).toMatchObject({
      status: 'PENDING',
      is_hosted: true,
      inference_model: 'llama',
      eval_config: { num_examples: 2, rollouts_per_example: 1, timeout_minutes: 1440 },
      total_samples: 0,
      avg_score: null,
      sandbox_id: null,
    });
    expect(t.emu.evaluations('prime')[0]).toMatchObject({ phase: 'queued', status: 'PENDING' });
    await t.call('PATCH', `/api/v1/hosted-evaluations/${created.evaluation_id}/cancel`);
    expect(t.emu.evaluations('prime')[0]).toMatchObject({ phase: 'cancelled', status: 'CANCELLED' });
  });

  it('answers 401 without or with a wrong key', async () => {
    for (const key of [null, 'wrong-key']) {
      const res = await t.call('POST', '/api/v1/evaluations/', { name: 'x' }, { key });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ detail: 'Not authenticated' });
    }
    expect(t.emu.evaluations('prime')).toHaveLength(0);
  });

  it('answers 422 {errors:[{param, details}]} naming the field for bad bodies', async () => {
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

describe('Prime hosted create (POST /api/v1/hosted-evaluations)', () => {
  it('answers 201 with the id, sandbox and status, and GET shows the stored request', async () => {
    const res = await t.call('POST', '/api/v1/hosted-evaluations', hostedBody({ name: 'ci run', team_id: 'team-1' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'PENDING', evaluation_ids: null, error: null });
    expect(res.body.sandbox_id).toMatch(/^sandbox-/);
    expect(await get(res.body.evaluation_id)).toMatchObject({
      name: 'ci run',
      team_id: 'team-1',
      is_hosted: true,
      environment_ids: ['gsm8k'],
      inference_model: 'llama',
      eval_config: EVAL_CONFIG,
      sandbox_id: res.body.sandbox_id,
    });
  });

  it('creates one evaluation per environment and lists their ids', async () => {
    const res = await t.call('POST', '/api/v1/hosted-evaluations', hostedBody({ environment_ids: ['a', 'b'] }));
    expect(res.body.evaluation_ids).toHaveLength(2);
    expect(res.body.evaluation_ids[0]).toBe(res.body.evaluation_id);
    expect((await get(res.body.evaluation_ids[1])).environment_ids).toEqual(['b']);
  });

  it('fills timeout_minutes with the spec default 1440 when absent (QUIRKS PRIME-7)', async () => {
    const { evaluation_id: id } = await createHosted({ eval_config: { num_examples: -1, rollouts_per_example: 1 } });
    expect((await get(id)).eval_config.timeout_minutes).toBe(1440);
  });

  it('rejects a body without environments, model or a complete eval_config with 422', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [hostedBody({ environment_ids: [] }), 'environment_ids'],
      [hostedBody({ inference_model: undefined }), 'inference_model'],
      [hostedBody({ eval_config: { num_examples: 5 } }), 'eval_config.rollouts_per_example'],
      [hostedBody({ eval_config: { ...EVAL_CONFIG, timeout_minutes: 60 } }), 'eval_config.timeout_minutes'],
    ];
    for (const [body, param] of cases) {
      const res = await t.call('POST', '/api/v1/hosted-evaluations', body);
      expect(res.status).toBe(422);
      expect(res.body.errors.map((error: { param: string }) => error.param)).toContain(param);
    }
  });

  it('lists the hosted inference models', async () => {
    const res = await t.call('GET', '/api/v1/hosted-evaluations/models');
    expect(res.status).toBe(200);
    expect(res.body.models.length).toBeGreaterThan(0);
  });
});

describe('Prime get and lifecycle', () => {
  it('goes PENDING → RUNNING with progress → COMPLETED with stats over the samples’ reward', async () => {
    const { evaluation_id: id } = await createHosted();
    expect(await get(id)).toMatchObject({ status: 'PENDING', avg_score: null, completed_at: null, started_at: null, is_hosted: true });
    t.clock.advance(550); // 10% queued, then 450 of 900 ms running
    // started_at is when it left the queue (100 ms after creation), not the creation time.
    const startedAt = new Date(START + 100).toISOString();
    expect(await get(id)).toMatchObject({ status: 'RUNNING', progress: 0.5, avg_score: null, total_samples: 5, started_at: startedAt });
    t.clock.advance(450);
    const done = await get(id);
    const [record] = t.emu.evaluations('prime');
    expect(done).toMatchObject({
      status: 'COMPLETED',
      total_samples: 10,
      started_at: startedAt,
      completed_at: new Date(START + 1000).toISOString(),
      error_message: null,
    });
    expect(done.avg_score).toBeCloseTo(avg(record!.scores), 10);
    expect(done.min_score).toBe(Math.min(...record!.scores));
    expect(done.max_score).toBe(Math.max(...record!.scores));
    expect(done.statistics).toMatchObject({ totalResults: 10 });
    const samples = (await t.call('GET', `/api/v1/evaluations/${id}/samples?limit=1000`)).body.samples;
    expect(samples.map((sample: { reward: number }) => sample.reward)).toEqual(record!.scores);
  });

  it('has no started_at for a run cancelled in the queue; a pushed evaluation runs from its creation', async () => {
    const { evaluation_id: queued } = await createHosted();
    t.clock.advance(50);
    await t.call('PATCH', `/api/v1/hosted-evaluations/${queued}/cancel`);
    t.clock.advance(1000);
    expect(await get(queued)).toMatchObject({ status: 'CANCELLED', started_at: null });
    const pushed = await createPushed();
    expect(await get(pushed.evaluation_id)).toMatchObject({ status: 'RUNNING', started_at: new Date(START + 1050).toISOString() });
  });

  it('ends FAILED or TIMEOUT with an error_message when configured so', async () => {
    t.emu.configure({ outcome: 'failed' });
    const failed = await createHosted();
    t.emu.configure({ outcome: 'timeout' });
    const timedOut = await createHosted();
    t.clock.advance(1000);
    expect(await get(failed.evaluation_id)).toMatchObject({ status: 'FAILED', error_message: expect.stringMatching(/failed/) });
    expect(await get(timedOut.evaluation_id)).toMatchObject({ status: 'TIMEOUT', error_message: expect.stringMatching(/timeout_minutes \(120\)/) });
  });

  it('shows the initial status chosen through the control API (undocumented, QUIRKS PRIME-5)', async () => {
    t.emu.configure({ primeInitialStatus: 'RUNNING' });
    const hosted = await createHosted();
    expect(hosted.status).toBe('RUNNING');
    t.emu.configure({ primeInitialStatus: 'PENDING' });
    const pushed = await createPushed();
    expect(pushed.status).toBe('PENDING');
    expect((await t.call('POST', `/api/v1/evaluations/${pushed.evaluation_id}/finalize`)).body.status).toBe('COMPLETED');
  });

  it('answers 404 for an unknown id and 401 without a key', async () => {
    const res = await t.call('GET', '/api/v1/evaluations/does-not-exist');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ detail: 'Evaluation not found' });
    expect((await t.call('GET', '/api/v1/evaluations/does-not-exist', undefined, { key: null })).status).toBe(401);
  });
});

describe('Prime list', () => {
  const listIds = async (query: string): Promise<{ ids: string[]; body: { total: number; skip: number; limit: number } }> => {
    const res = await t.call('GET', `/api/v1/evaluations/?${query}`);
    expect(res.status).toBe(200);
    return { ids: res.body.evaluations.map((e: { evaluation_id: string }) => e.evaluation_id), body: res.body };
  };

  it('pages newest first by default with skip/limit and total, with or without the slash', async () => {
    t.emu.seed('prime', 7);
    const newestFirst = t.emu
      .evaluations('prime')
      .map((record) => record.id)
      .reverse();
    const seen: string[] = [];
    for (let skip = 0; skip < 7; skip += 3) {
      const { ids, body } = await listIds(`skip=${skip}&limit=3`);
      expect(body).toMatchObject({ total: 7, skip, limit: 3 });
      seen.push(...ids);
    }
    expect(seen).toEqual(newestFirst);
    expect((await t.call('GET', '/api/v1/evaluations?limit=2')).body.evaluations).toHaveLength(2);
  });

  it('lists oldest first, or in a shuffle that stays put between pages, when switched', async () => {
    t.emu.seed('prime', 9);
    const oldestFirst = t.emu.evaluations('prime').map((record) => record.id);
    t.emu.configure({ primeListOrder: 'oldest-first' });
    expect((await listIds('limit=100')).ids).toEqual(oldestFirst);
    t.emu.configure({ primeListOrder: 'shuffled' });
    const shuffled = (await listIds('limit=100')).ids;
    expect(shuffled).not.toEqual(oldestFirst);
    expect([...shuffled].sort()).toEqual([...oldestFirst].sort());
    const paged = [...(await listIds('skip=0&limit=4')).ids, ...(await listIds('skip=4&limit=5')).ids];
    expect(paged).toEqual(shuffled);
  });

  it('filters by environment_id, environment_name, team_id and suite_id', async () => {
    const a = await createHosted({ environment_ids: ['env-a'], team_id: 'team-1' });
    await createHosted({ environment_ids: ['env-b'] });
    const suite = await createPushed({ suite_id: 'suite-1' });
    expect((await listIds('environment_id=env-a')).ids).toEqual([a.evaluation_id]);
    expect((await listIds('environment_name=env-a')).ids).toEqual([a.evaluation_id]);
    expect((await listIds('team_id=team-1')).ids).toEqual([a.evaluation_id]);
    expect((await listIds('suite_id=suite-1')).ids).toEqual([suite.evaluation_id]);
    expect((await listIds('environment_id=env-a')).body.total).toBe(1);
  });

  it('rejects limit outside 1..100 and a negative skip with 422', async () => {
    for (const query of ['limit=0', 'limit=101', 'limit=abc', 'skip=-1']) {
      const res = await t.call('GET', `/api/v1/evaluations/?${query}`);
      expect(res.status).toBe(422);
      expect(res.body.errors[0].param).toBe(query.split('=')[0]);
    }
  });
});

describe('Prime samples and finalize (client-driven)', () => {
  it('stays RUNNING until finalize, which computes avg/min/max over reward, else score', async () => {
    const { evaluation_id: id } = await createPushed();
    const push1 = await t.call('POST', `/api/v1/evaluations/${id}/samples`, { samples: [{ reward: 0.2, score: 0.9 }, { reward: 0.9 }] });
    expect(push1.body).toEqual({ evaluation_id: id, samples_pushed: 2, status: 'RUNNING' });
    const push2 = await t.call('POST', `/api/v1/evaluations/${id}/samples`, { samples: [{ score: 0.55 }, { reward: 0.4 }, { note: 'unscored' }] });
    expect(push2.body).toEqual({ evaluation_id: id, samples_pushed: 3, status: 'RUNNING' });
    t.clock.advance(60_000);
    expect(await get(id)).toMatchObject({ status: 'RUNNING', progress: null, is_hosted: false, total_samples: 5 });

    const fin = await t.call('POST', `/api/v1/evaluations/${id}/finalize`, { metrics: { accuracy: 0.5 } });
    expect(fin.status).toBe(200);
    expect(fin.body).toMatchObject({ evaluation_id: id, status: 'COMPLETED', total_samples: 5, min_score: 0.2, max_score: 0.9 });
    expect(fin.body.avg_score).toBeCloseTo(avg([0.2, 0.9, 0.55, 0.4]), 12);
    expect(await get(id)).toMatchObject({ metrics: { accuracy: 0.5 }, avg_score: fin.body.avg_score });
    expect(t.emu.evaluations('prime')[0]).toMatchObject({ terminalAt: START + 60_000, status: 'COMPLETED' });

    const again = await t.call('POST', `/api/v1/evaluations/${id}/finalize`);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'COMPLETED', avg_score: fin.body.avg_score, message: 'Evaluation already finalized' });
    expect((await t.call('POST', `/api/v1/evaluations/${id}/samples`, { samples: [{ reward: 1 }] })).status).toBe(409);
  });

  it('finalize without numeric samples gives null statistics', async () => {
    const { evaluation_id: id } = await createPushed();
    await t.call('POST', `/api/v1/evaluations/${id}/samples`, { samples: [{ note: 'x' }] });
    const fin = await t.call('POST', `/api/v1/evaluations/${id}/finalize`, null);
    expect(fin.body).toMatchObject({ total_samples: 1, avg_score: null, min_score: null, max_score: null });
  });

  it('pages samples back with page/limit/total_pages and rejects out-of-range paging', async () => {
    const { evaluation_id: id } = await createPushed();
    const samples = Array.from({ length: 7 }, (_, i) => ({ example_id: i, reward: i / 10 }));
    await t.call('POST', `/api/v1/evaluations/${id}/samples`, { samples });
    const page2 = await t.call('GET', `/api/v1/evaluations/${id}/samples?page=2&limit=3`);
    expect(page2.body).toEqual({ evaluation_id: id, samples: samples.slice(3, 6), total: 7, page: 2, limit: 3, total_pages: 3 });
    expect((await t.call('GET', `/api/v1/evaluations/${id}/samples?page=4&limit=3`)).body.samples).toEqual([]);
    for (const query of ['page=0', 'limit=1001', 'limit=0']) {
      expect((await t.call('GET', `/api/v1/evaluations/${id}/samples?${query}`)).status).toBe(422);
    }
  });

  it('limits samples per request and validates reward/score', async () => {
    const { evaluation_id: id } = await createPushed();
    const tooMany = await t.call('POST', `/api/v1/evaluations/${id}/samples`, { samples: Array.from({ length: 501 }, () => ({ reward: 1 })) });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.errors[0]).toMatchObject({ param: 'samples' });
    const badReward = await t.call('POST', `/api/v1/evaluations/${id}/samples`, { samples: [{ reward: 'high' }] });
    expect(badReward.status).toBe(422);
    expect(badReward.body.errors[0].param).toBe('samples.0.reward');
  });

  it('refuses samples on running hosted ones and finalizing a running hosted one (409)', async () => {
    const { evaluation_id: id } = await createHosted();
    expect((await t.call('POST', `/api/v1/evaluations/${id}/samples`, { samples: [{ reward: 1 }] })).status).toBe(409);
    expect((await t.call('POST', `/api/v1/evaluations/${id}/finalize`)).status).toBe(409);
    t.clock.advance(1000);
    const fin = await t.call('POST', `/api/v1/evaluations/${id}/finalize`);
    expect(fin.status).toBe(200);
    expect(fin.body.avg_score).toBeCloseTo(avg(t.emu.evaluations('prime')[0]!.scores), 12);
    expect((await t.call('POST', '/api/v1/evaluations/nope/finalize')).status).toBe(404);
  });
});

describe('Prime cancel, logs, update and delete', () => {
  it('cancels a running hosted evaluation; success: false for a finished or client-driven one; 404 unknown', async () => {
    const { evaluation_id: id } = await createHosted();
    t.clock.advance(300);
    const res = await t.call('PATCH', `/api/v1/hosted-evaluations/${id}/cancel`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, evaluation_id: id, status: 'CANCELLED' });
    t.clock.advance(5000);
    expect(await get(id)).toMatchObject({ status: 'CANCELLED', error_message: 'Stopped' });
    expect(t.emu.evaluations('prime')[0]!.terminalAt).toBe(START + 300);
    expect((await t.call('PATCH', `/api/v1/hosted-evaluations/${id}/cancel`)).body).toMatchObject({ success: false, status: 'CANCELLED' });

    const local = await createPushed();
    expect((await t.call('PATCH', `/api/v1/hosted-evaluations/${local.evaluation_id}/cancel`)).body).toMatchObject({ success: false, status: 'RUNNING' });
    expect((await get(local.evaluation_id)).status).toBe('RUNNING');
    expect((await t.call('PATCH', '/api/v1/hosted-evaluations/nope/cancel')).status).toBe(404);
    expect((await t.call('POST', `/api/v1/hosted-evaluations/${id}/cancel`)).status).toBe(405);
  });

  it('returns the logs of a hosted run and 404 for a client-driven one', async () => {
    const { evaluation_id: id, sandbox_id: sandbox } = await createHosted();
    expect((await t.call('GET', `/api/v1/hosted-evaluations/${id}/logs`)).body).toEqual({
      logs: 'Waiting for container to start...',
      sandbox_id: sandbox,
      evaluation_id: id,
    });
    t.clock.advance(1000);
    expect((await t.call('GET', `/api/v1/hosted-evaluations/${id}/logs`)).body.logs).toMatch(/COMPLETED/);
    const local = await createPushed();
    expect((await t.call('GET', `/api/v1/hosted-evaluations/${local.evaluation_id}/logs`)).status).toBe(404);
  });

  it('updates descriptive fields with PUT and answers {evaluation_id, name, status, updated_at}', async () => {
    const { evaluation_id: id } = await createHosted();
    const res = await t.call('PUT', `/api/v1/evaluations/${id}`, { name: 'renamed', tags: ['evalgate'], metadata: { evalgate: '1' }, description: null });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ evaluation_id: id, name: 'renamed', status: 'PENDING', updated_at: new Date(START).toISOString() });
    expect(await get(id)).toMatchObject({ name: 'renamed', tags: ['evalgate'], metadata: { evalgate: '1' }, description: null });
    expect((await t.call('PUT', `/api/v1/evaluations/${id}`, { tags: 'x' })).status).toBe(422);
    expect((await t.call('PATCH', `/api/v1/evaluations/${id}`, { name: 'x' })).status).toBe(405);
  });

  it('deletes one, then bulk-deletes reporting per-id success; 422 outside 1..100 ids', async () => {
    const one = await createPushed();
    const two = await createPushed();
    const three = await createPushed();
    expect((await t.call('DELETE', `/api/v1/evaluations/${one.evaluation_id}`)).status).toBe(200);
    expect((await t.call('GET', `/api/v1/evaluations/${one.evaluation_id}`)).status).toBe(404);
    const bulk = await t.call('POST', '/api/v1/evaluations/bulk-delete', { evaluation_ids: [two.evaluation_id, 'missing', three.evaluation_id] });
    expect(bulk.body).toEqual({ success_count: 2, failure_count: 1, successful_ids: [two.evaluation_id, three.evaluation_id], failed_ids: ['missing'] });
    expect(t.emu.evaluations('prime')).toHaveLength(0);
    expect((await t.call('POST', '/api/v1/evaluations/bulk-delete', { evaluation_ids: [] })).status).toBe(422);
    expect((await t.call('POST', '/api/v1/evaluations/bulk-delete', { evaluation_ids: Array.from({ length: 101 }, (_, i) => `e${i}`) })).status).toBe(422);
  });
});
