import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../src/index.js';
import { START, startTestEmulator, type TestEmulator } from './helpers.js';

let t: TestEmulator;
beforeEach(async () => {
  t = await startTestEmulator();
});
afterEach(async () => {
  await t.emu.close();
});

/** Control endpoints need no key. */
const control = (method: string, path: string, body?: unknown) => t.call(method, `/__emulator${path}`, body, { key: null });

describe('HTTP control API', () => {
  it('configure sets exact scores, outcome and duration for evaluations created next', async () => {
    const res = await control('POST', '/configure', { scores: [0.25, 0.75], durationMs: 5000, outcome: 'timeout' });
    expect(res.status).toBe(200);
    const hosted = { environment_ids: ['gsm8k'], inference_model: 'm', eval_config: { num_examples: 5, rollouts_per_example: 1 } };
    const { evaluation_id: id } = (await t.call('POST', '/api/v1/hosted-evaluations', hosted)).body;
    t.clock.advance(4999);
    expect((await t.call('GET', `/api/v1/evaluations/${id}`)).body.status).toBe('RUNNING');
    t.clock.advance(1);
    expect((await t.call('GET', `/api/v1/evaluations/${id}`)).body.status).toBe('TIMEOUT');
    expect(t.emu.evaluations('prime')[0]).toMatchObject({ scores: [0.25, 0.75], durationMs: 5000, outcome: 'timeout' });
  });

  it('rejects bad control bodies with 400 naming the field', async () => {
    const scores = await control('POST', '/configure', { scores: [1.5] });
    expect(scores.status).toBe(400);
    expect(scores.body.error).toMatch(/scores\.0/);
    const unknownKey = await control('POST', '/configure', { duration: 5 });
    expect(unknownKey.status).toBe(400);
    expect(unknownKey.body.error).toMatch(/duration/);
    const notJson = await t.call('POST', '/__emulator/faults', undefined, { key: null, rawBody: '{' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error).toMatch(/not valid JSON/);
    expect((await control('POST', '/faults', { kind: 'reset' })).body.error).toMatch(/count/);
    expect((await control('POST', '/seed', { provider: 'acme', count: 1 })).body.error).toMatch(/provider/);
    expect((await control('GET', '/evaluations')).status).toBe(400);
    expect((await control('GET', '/nothing-here')).status).toBe(404);
  });

  it('switches the Nugen status vocabulary and list order over HTTP, and reset puts the defaults back', async () => {
    const { evaluation_id: older } = (await t.call('POST', '/api/v3/evaluations', { model_id: 'm', benchmark_id: 'b' })).body;
    const { evaluation_id: newer } = (await t.call('POST', '/api/v3/evaluations', { model_id: 'm', benchmark_id: 'b' })).body;
    const ids = async () => (await t.call('GET', '/api/v3/evaluations')).body.evaluations.map((e: { evaluation_id: string }) => e.evaluation_id);
    expect(await ids()).toEqual([newer, older]);
    const res = await control('POST', '/configure', { nugenStatusCase: 'lower', nugenListOrder: 'oldest-first' });
    expect(res.body.settings).toMatchObject({ nugenStatusCase: 'lower', nugenListOrder: 'oldest-first' });
    expect(await ids()).toEqual([older, newer]);
    expect((await t.call('GET', `/api/v3/evaluations/${older}/status`)).body.status).toBe('pending');
    expect((await control('POST', '/configure', { nugenStatusCase: 'LOWER' })).status).toBe(400);
    await control('POST', '/reset', {});
    expect(t.emu.evaluations('nugen')).toEqual([]);
    const { status } = (await t.call('POST', '/api/v3/evaluations', { model_id: 'm', benchmark_id: 'b' })).body;
    expect(status).toBe('PROCESSING');
  });

  it('adds and clears faults', async () => {
    expect((await control('POST', '/faults', { kind: 'server-error', count: 3, status: 502 })).status).toBe(200);
    expect((await t.call('GET', '/v1/evals')).status).toBe(502);
    expect((await control('DELETE', '/faults')).status).toBe(200);
    expect((await t.call('GET', '/v1/evals')).status).toBe(200);
  });

  it('forces raw statuses, unknown ones too, until cleared with null', async () => {
    const { evaluation_id: id } = (await t.call('POST', '/api/v3/evaluations', { model_id: 'm', benchmark_id: 'b' })).body;
    expect((await control('POST', '/status', { provider: 'nugen', id, status: 'WEIRD_STATE' })).status).toBe(200);
    expect((await t.call('GET', `/api/v3/evaluations/${id}/status`)).body.status).toBe('WEIRD_STATE');
    await control('POST', '/status', { provider: 'nugen', id, status: 'completed' });
    expect((await t.call('GET', `/api/v3/evaluations/${id}/results`)).status).toBe(200);
    expect(t.emu.evaluations('nugen')[0]).toMatchObject({ status: 'completed', terminalAt: START, forcedStatus: 'completed' });
    await control('POST', '/status', { provider: 'nugen', id, status: null });
    expect((await t.call('GET', `/api/v3/evaluations/${id}/status`)).body.status).toBe('PROCESSING');
    const unknown = await control('POST', '/status', { provider: 'nugen', id: 'eval-nope', status: 'x' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatch(/eval-nope/);
  });

  it('seeds, lists requests and evaluations, and resets', async () => {
    expect((await control('POST', '/seed', { provider: 'prime', count: 3 })).status).toBe(200);
    await t.call('GET', '/api/v1/evaluations/?limit=2');
    await t.call('GET', '/v1/evals', undefined, { key: 'bad' });
    const requests = (await control('GET', '/requests')).body.requests;
    expect(requests).toEqual([
      { at: START, method: 'GET', path: '/api/v1/evaluations/?limit=2', provider: 'prime', status: 200, requestId: expect.stringMatching(/^req_/) },
      { at: START, method: 'GET', path: '/v1/evals', provider: 'openai', status: 401, requestId: expect.stringMatching(/^req_/) },
    ]);
    const evaluations = (await control('GET', '/evaluations?provider=prime')).body.evaluations;
    expect(evaluations).toHaveLength(3);
    expect(evaluations[0]).toMatchObject({ provider: 'prime', status: 'PENDING', terminalAt: null });

    await t.call('POST', '/v1/evals/eval_demo', { name: 'Renamed' });
    expect((await control('POST', '/reset', {})).status).toBe(200);
    expect(t.emu.evaluations('prime')).toEqual([]);
    expect(t.emu.requests).toEqual([]);
    expect((await t.call('GET', '/v1/evals/eval_demo')).body.name).toBe('Demo eval');
  });
});

describe('programmatic control', () => {
  it('gives the same scores for the same seed and different ones for another, all in [0,1]', async () => {
    const other = await startEmulator({ port: 0, seed: 1, sampleCount: 10 });
    const third = await startEmulator({ port: 0, seed: 2, sampleCount: 10 });
    try {
      for (const emu of [t.emu, other, third]) emu.seed('nugen', 2);
      const scores = (emu: typeof t.emu) => emu.evaluations('nugen').map((record) => record.scores);
      expect(scores(other)).toEqual(scores(t.emu));
      expect(scores(third)).not.toEqual(scores(t.emu));
      for (const score of scores(t.emu).flat()) expect(score >= 0 && score <= 1).toBe(true);
      expect(new Set(scores(t.emu).flat()).size).toBeGreaterThan(5);
    } finally {
      await other.close();
      await third.close();
    }
  });

  it('seeds 10,000 evaluations per provider and pages through the ends', async () => {
    t.emu.seed('prime', 10_000);
    t.emu.seed('openai', 10_000);
    t.emu.seed('nugen', 10_000);
    const prime = await t.call('GET', '/api/v1/evaluations/?skip=9990&limit=100');
    expect(prime.body.total).toBe(10_000);
    expect(prime.body.evaluations).toHaveLength(10);
    expect(prime.body.evaluations[9].name).toBe('seeded evaluation 1');
    expect((await t.call('GET', '/api/v3/evaluations?offset=0&limit=100')).body.total).toBe(10_000);
    const runs = await t.call('GET', '/v1/evals/eval_demo/runs?limit=100&order=desc');
    expect(runs.body.data[0].name).toBe('seeded run 10000');
    expect(runs.body.has_more).toBe(true);
  });

  it('setStatus forces terminal statuses with terminalAt at the forcing time, and throws on unknown ids', async () => {
    const { id } = (await t.call('POST', '/v1/evals/eval_demo/runs', { data_source: { type: 'jsonl' } })).body;
    t.clock.advance(200);
    t.emu.setStatus('openai', id, 'failed');
    t.clock.advance(100);
    expect((await t.call('GET', `/v1/evals/eval_demo/runs/${id}`)).body.status).toBe('failed');
    expect(t.emu.evaluations('openai')[0]).toMatchObject({ status: 'failed', phase: 'failed', terminalAt: START + 200 });
    t.emu.setStatus('openai', id, 'paused_for_review');
    expect((await t.call('GET', `/v1/evals/eval_demo/runs/${id}`)).body.status).toBe('paused_for_review');
    expect(() => t.emu.setStatus('prime', 'missing', 'RUNNING')).toThrow(/no prime evaluation with id "missing"/);
  });

  it('rejects bad configure settings naming the field', () => {
    expect(() => t.emu.configure({ sampleCount: -1 })).toThrow(/invalid configure settings: sampleCount/);
  });

  it('closes promptly even with an idle keep-alive connection open', async () => {
    const emu = await startEmulator({ port: 0 });
    const res = await fetch(`${emu.url}/v1/evals`, { headers: { authorization: 'Bearer test-key', connection: 'keep-alive' } });
    expect(res.status).toBe(200);
    await res.text();
    await emu.close();
    await expect(fetch(`${emu.url}/v1/evals`)).rejects.toThrow();
  });
});
