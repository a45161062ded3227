import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAcmeInEmulator } from '../src/register-emulator.js';
import { avg, startTestEmulator, type TestEmulator } from './support/test-emulator.js';

describe('a test-only fourth provider is served by one folder and one registry line', () => {
  it('is not served unless registered', async () => {
    const t = await startTestEmulator();
    try {
      expect(Object.keys(t.emu.baseUrls)).toEqual(['prime', 'openai', 'nugen']);
      expect((await t.call('GET', '/acme/v1/jobs')).status).toBe(404);
      expect(() => t.emu.seed('acme', 1)).toThrow(/provider/);
    } finally {
      await t.emu.close();
    }
  });

  describe('once registered', () => {
    let t: TestEmulator;
    let unregister: () => void;
    beforeAll(async () => {
      unregister = registerAcmeInEmulator();
      t = await startTestEmulator({ durationMs: 1000, sampleCount: 4 });
    });
    afterAll(async () => {
      await t.emu.close();
      unregister();
    });

    it('has a base URL beside the shipped ones and checks the key like them', async () => {
      expect(t.emu.baseUrls).toEqual({ prime: t.emu.url, openai: `${t.emu.url}/v1`, nugen: t.emu.url, acme: t.emu.url });
      const refused = await t.call('GET', '/acme/v1/jobs', undefined, { key: 'wrong' });
      expect(refused.status).toBe(401);
      expect(refused.body).toEqual({ error: { message: 'missing or wrong key' } });
    });

    it('runs a job through its lifecycle on the emulator clock, with its own status words and scores', async () => {
      const created = await t.call('POST', '/acme/v1/jobs', { suite: 'math', model: 'm-1', labels: { pr: '7' } });
      expect(created.status).toBe(201);
      expect(created.body.job).toMatchObject({ suite: 'math', model: 'm-1', state: 'WAITING', done: 0, total: 4, labels: { pr: '7' } });
      const id: string = created.body.job.id;

      t.clock.advance(500);
      expect((await t.call('GET', `/acme/v1/jobs/${id}`)).body.job).toMatchObject({ state: 'WORKING' });
      t.clock.advance(600);
      const done = (await t.call('GET', `/acme/v1/jobs/${id}`)).body.job;
      const [snapshot] = t.emu.evaluations('acme');
      expect(done).toMatchObject({ state: 'DONE', done: 4, score_mean: avg(snapshot!.scores) });
      expect(snapshot).toMatchObject({ provider: 'acme', id, phase: 'completed', status: 'DONE' });
    });

    it('stops a running job, lists token-paged newest first without scores, and answers its own 404 shape', async () => {
      const running = (await t.call('POST', '/acme/v1/jobs', { suite: 'code', model: 'm-2' })).body.job.id as string;
      t.clock.advance(200);
      expect((await t.call('POST', `/acme/v1/jobs/${running}/stop`)).body.job.state).toBe('STOPPED');

      const first = await t.call('GET', '/acme/v1/jobs?limit=1');
      expect(first.body.jobs.map((job: { id: string }) => job.id)).toEqual([running]);
      expect(first.body.next_page_token).toBe('1');
      const second = await t.call('GET', `/acme/v1/jobs?limit=1&page_token=${first.body.next_page_token}`);
      expect(second.body.next_page_token).toBeNull();
      // The finished job of the test above: its row has the state but not the score, which only a get shows.
      expect(second.body.jobs[0]).toMatchObject({ state: 'DONE', done: 4 });
      expect(second.body.jobs[0]).not.toHaveProperty('score_mean');

      const missing = await t.call('GET', '/acme/v1/jobs/nope');
      expect(missing).toMatchObject({ status: 404, body: { error: { message: 'no such job' } } });
    });

    it('takes part in the control API: setStatus, seed, provider-scoped faults and reset', async () => {
      const [job] = t.emu.evaluations('acme');
      t.emu.setStatus('acme', job!.id, 'PAUSED_BY_OPERATOR');
      expect((await t.call('GET', `/acme/v1/jobs/${job!.id}`)).body.job.state).toBe('PAUSED_BY_OPERATOR');

      t.emu.faults.add({ kind: 'server-error', status: 503, count: 1, match: { provider: 'acme' } });
      expect((await t.call('GET', '/v1/evals')).status).toBe(200);
      expect(await t.call('GET', '/acme/v1/jobs')).toMatchObject({ status: 503, body: { error: { message: 'internal error' } } });
      expect(t.emu.requests.at(-1)).toMatchObject({ provider: 'acme', status: 503 });

      t.emu.reset();
      t.emu.seed('acme', 3);
      expect(t.emu.evaluations('acme').map((snapshot) => snapshot.ordinal)).toEqual([1, 2, 3]);
    });
  });
});
