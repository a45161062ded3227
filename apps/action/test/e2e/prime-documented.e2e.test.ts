// The shipped dist/index.js against the emulator, the Prime way the reference pack documents it: hosted runs through
// POST /api/v1/hosted-evaluations with a complete eval_config, scores from the samples' reward, and a re-run that
// finds its evaluation whatever order Prime lists evaluations in (QUIRKS PRIME-1, PRIME-2, PRIME-3).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HEAD_SHA, GITHUB_TOKEN, removeWorkDir, runAction } from '../support/action-process.js';
import { PROVIDER_KEY, startE2E, type E2E } from '../support/e2e-env.js';
import { startGitHubStandIn } from '@evalgate/github-stand-in';

let env: E2E;
beforeEach(async () => {
  env = await startE2E();
});
afterEach(async () => env.close());

/** A Prime API call straight to the emulator, as a test reads what the Action left there. */
// Tests read arbitrary JSON; `any` keeps the assertions readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;
async function prime(method: string, path: string, body?: unknown): Promise<Json> {
  const response = await fetch(`${env.emulator.baseUrls.prime}${path}`, {
    method,
    headers: { authorization: `Bearer ${PROVIDER_KEY}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.status, `${method} ${path}`).toBeLessThan(300);
  return (await response.json()) as Json;
}

const requestsTo = (method: string, path: string) =>
  env.emulator.requests.filter((request) => request.method === method && request.path.split('?')[0] === path);

describe('Prime, the documented way (dist/index.js)', () => {
  it('starts a hosted evaluation with the complete eval_config and gates on avg/min/max of the samples’ reward', async () => {
    env.emulator.configure({ scores: [0.2, 0.5, 0.9, 1] });
    const run = await runAction({
      inputs: env.inputs('prime', {
        'num-examples': '7',
        'rollouts-per-example': '2',
        'hosted-timeout-minutes': '240',
        'eval-config': '{"env_args":{"split":"test"},"sampling_args":{"temperature":0}}',
        'min-avg-score': '0.6',
      }),
      githubApiUrl: env.github.url,
    });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const id = run.outputs['evaluation-id']!;

    // Created through /hosted-evaluations only, then tagged through PUT; nothing through the push flow.
    expect(requestsTo('POST', '/api/v1/hosted-evaluations')).toHaveLength(1);
    expect(requestsTo('POST', '/api/v1/evaluations/')).toHaveLength(0);
    expect(requestsTo('PUT', `/api/v1/evaluations/${id}`)).toHaveLength(1);
    const stored = await prime('GET', `/api/v1/evaluations/${id}`);
    expect(stored).toMatchObject({
      is_hosted: true,
      environment_ids: ['gsm8k'],
      inference_model: 'llama-3-8b',
      eval_config: { num_examples: 7, rollouts_per_example: 2, timeout_minutes: 240, env_args: { split: 'test' }, sampling_args: { temperature: 0 } },
      tags: ['evalgate'],
      metadata: { evalgate: '1', evalgate_sha: HEAD_SHA },
      status: 'COMPLETED',
    });

    // The figures the check shows are the ones the samples' reward give.
    const { samples } = await prime('GET', `/api/v1/evaluations/${id}/samples?limit=1000`);
    const rewards = (samples as Array<{ reward: number }>).map((sample) => sample.reward);
    expect(rewards).toEqual([0.2, 0.5, 0.9, 1]);
    const average = rewards.reduce((sum, value) => sum + value, 0) / rewards.length;
    expect(Number(run.outputs['avg-score'])).toBeCloseTo(average, 10);
    expect(Number(run.outputs['min-score'])).toBe(Math.min(...rewards));
    expect(Number(run.outputs['max-score'])).toBe(Math.max(...rewards));
    expect(run.outputs).toMatchObject({ status: 'completed', gate: 'pass', 'total-samples': '4' });
    expect(env.github.checkRuns[0]!.history.at(-1)).toMatchObject({
      status: 'completed',
      conclusion: 'success',
      title: 'avg 0.65 · min 0.20 · max 1.00 (n=4)',
    });
    await removeWorkDir(run);
  });

  it('a first run attempt with no check on the commit lists nothing, and the poll that saw it completed is the last read', async () => {
    const run = await runAction({ inputs: env.inputs('prime', { 'min-avg-score': '0' }), githubApiUrl: env.github.url, runAttempt: '1' });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const id = run.outputs['evaluation-id']!;
    // No earlier attempt and no check run pointing anywhere: nothing to find by listing Prime.
    expect(env.emulator.requests.filter((request) => request.method === 'GET' && /^\/api\/v1\/evaluations\/?(\?|$)/.test(request.path))).toHaveLength(0);
    const [evaluation] = env.emulator.evaluations('prime');
    expect(evaluation?.terminalAt).toEqual(expect.any(Number));
    // Its answer carried status and scores: no finalize read after it; one page of samples for the score histogram.
    const afterEnd = env.emulator.requests.filter((request) => request.at >= evaluation!.terminalAt! && request.path.startsWith(`/api/v1/evaluations/${id}`));
    expect(afterEnd.map((request) => `${request.method} ${request.path}`)).toEqual([
      `GET /api/v1/evaluations/${id}`,
      `GET /api/v1/evaluations/${id}/samples?page=1&limit=1000`,
    ]);
    expect(run.outputs).toMatchObject({ status: 'completed', gate: 'pass' });
    await removeWorkDir(run);
  });

  it('a re-run (attempt 2) whose earlier attempt posted no check still searches Prime and re-attaches', async () => {
    const first = await runAction({ inputs: env.inputs('prime', { 'github-token': '' }), githubApiUrl: env.github.url, runAttempt: '1' });
    expect(first.exitCode, first.stdout + first.stderr).toBe(0);
    expect(env.github.checkRuns).toHaveLength(0);
    const rerun = await runAction({ inputs: env.inputs('prime'), githubApiUrl: env.github.url, runAttempt: '2' });
    expect(rerun.exitCode, rerun.stdout + rerun.stderr).toBe(0);
    expect(env.emulator.evaluations('prime')).toHaveLength(1);
    expect(rerun.outputs['evaluation-id']).toBe(first.outputs['evaluation-id']);
    expect(rerun.stdout).toContain('created for this commit and config by an earlier run or attempt');
    await removeWorkDir(first);
    await removeWorkDir(rerun);
  });

  it("a failed hosted run fails the check with Prime's error_message", async () => {
    env.emulator.configure({ outcome: 'failed' });
    const run = await runAction({ inputs: env.inputs('prime'), githubApiUrl: env.github.url });
    expect(run.exitCode).toBe(1);
    const stored = await prime('GET', `/api/v1/evaluations/${run.outputs['evaluation-id']!}`);
    expect(stored).toMatchObject({ status: 'FAILED', error_message: expect.any(String) });
    expect(run.stdout).toContain(`The evaluation failed: ${String(stored.error_message)}`);
    expect(env.github.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(env.github.checkRuns[0]!.output.summary).toContain(String(stored.error_message));
    await removeWorkDir(run);
  });

  it('a re-run finds its evaluation when Prime lists oldest first with more than a page of older ones', async () => {
    env.emulator.configure({ primeListOrder: 'oldest-first', scores: [0.5, 0.7] });
    // 120 older hosted evaluations of the same environment, tagged by this action for other commits.
    const hostedBody = {
      environment_ids: ['gsm8k'],
      inference_model: 'llama-3-8b',
      eval_config: { num_examples: 5, rollouts_per_example: 3, timeout_minutes: 120 },
    };
    for (let i = 0; i < 120; i++) {
      const { evaluation_id: older } = await prime('POST', '/api/v1/hosted-evaluations', { ...hostedBody, name: `older ${i}` });
      await prime('PUT', `/api/v1/evaluations/${older}`, {
        tags: ['evalgate'],
        metadata: { evalgate: '1', evalgate_repo: 'acme/widgets', evalgate_sha: `${i}`.padStart(40, '0') },
      });
    }

    const first = await runAction({ inputs: env.inputs('prime'), githubApiUrl: env.github.url });
    expect(first.exitCode, first.stdout + first.stderr).toBe(0);
    const id = first.outputs['evaluation-id']!;
    const list = await prime('GET', '/api/v1/evaluations/?skip=0&limit=100');
    expect(list.total).toBe(121);
    expect((list.evaluations as Array<{ evaluation_id: string }>).some((evaluation) => evaluation.evaluation_id === id)).toBe(false);

    // A fresh GitHub: no check run of the first attempt to follow, so only the provider search can find it.
    const github = await startGitHubStandIn({ token: GITHUB_TOKEN });
    try {
      const second = await runAction({ inputs: env.inputs('prime'), githubApiUrl: github.url });
      expect(second.exitCode, second.stdout + second.stderr).toBe(0);
      expect(second.stdout).toContain(`Re-attaching to prime evaluation ${id}`);
      expect(second.outputs['evaluation-id']).toBe(id);
      expect(second.outputs['avg-score']).toBe('0.6');
      expect(requestsTo('POST', '/api/v1/hosted-evaluations')).toHaveLength(121);
      expect(github.checkRuns).toHaveLength(1);
      expect(github.checkRuns[0]!.external_id).toBe(id);
      await removeWorkDir(second);
    } finally {
      await github.close();
    }
    await removeWorkDir(first);
  });
});
