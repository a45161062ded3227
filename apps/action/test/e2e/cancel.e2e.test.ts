import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { killGroup, removeWorkDir, runAction, until } from '../support/action-process.js';
import { startE2E, type E2E } from '../support/e2e-env.js';

let env: E2E;
beforeEach(async () => {
  env = await startE2E();
  // Long enough that the evaluation is still running when the test stops the job.
  env.emulator.configure({ durationMs: 30_000, scores: [0.5, 0.7] });
});
afterEach(async () => env.close());

const checkInProgress = () => env.github.checkRuns.some((check) => check.status === 'in_progress');

describe('cancellation', () => {
  it.each(['prime', 'openai'] as const)('%s: SIGTERM cancels the remote evaluation and completes the check as cancelled', async (provider) => {
    const run = await runAction({
      inputs: env.inputs(provider),
      githubApiUrl: env.github.url,
      whileRunning: async (child) => {
        await until(checkInProgress, 'the in-progress check');
        killGroup(child, 'SIGTERM');
      },
    });
    expect(run.signal).toBeNull();
    expect(run.exitCode).toBe(1);
    expect(env.github.checkRuns).toHaveLength(1);
    expect(env.github.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'cancelled' });
    expect(env.github.checkRuns[0]!.output.summary).toContain('was cancelled at');
    const [evaluation] = env.emulator.evaluations(provider);
    expect(evaluation?.status.toLowerCase()).toMatch(/^cancel+ed$/);
    expect(run.outputs).toMatchObject({ status: 'cancelled', gate: 'inconclusive' });
    expect(run.state.completed).toBe('true');
    await removeWorkDir(run);
  });

  it('nugen: SIGTERM completes the check as cancelled and says the provider cannot cancel', async () => {
    const run = await runAction({
      inputs: env.inputs('nugen'),
      githubApiUrl: env.github.url,
      whileRunning: async (child) => {
        await until(checkInProgress, 'the in-progress check');
        killGroup(child, 'SIGTERM');
      },
    });
    expect(env.github.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'cancelled' });
    expect(env.github.checkRuns[0]!.output.summary).toContain('nugen has no cancel operation');
    await removeWorkDir(run);
  });

  it('the post step cancels what a killed main step left running', async () => {
    const main = await runAction({
      inputs: env.inputs('prime'),
      githubApiUrl: env.github.url,
      whileRunning: async (child) => {
        await until(checkInProgress, 'the in-progress check');
        killGroup(child, 'SIGKILL');
      },
    });
    expect(main.signal).toBe('SIGKILL');
    expect(env.github.checkRuns[0]).toMatchObject({ status: 'in_progress' });
    expect(main.state).toMatchObject({ completed: 'false' });

    const post = await runAction({ inputs: env.inputs('prime'), githubApiUrl: env.github.url, entry: 'post.js', state: main.state, workDir: main.workDir });
    expect(post.exitCode, post.stdout).toBe(0);
    expect(env.github.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'cancelled' });
    expect(env.emulator.evaluations('prime')[0]?.status).toBe('CANCELLED');
    await removeWorkDir(main);
  });

  it('the post step does nothing after a main step that finished', async () => {
    env.emulator.configure({ durationMs: 300 });
    const main = await runAction({ inputs: env.inputs('openai'), githubApiUrl: env.github.url });
    const requestsBefore = env.github.requests.length;
    const post = await runAction({ inputs: env.inputs('openai'), githubApiUrl: env.github.url, entry: 'post.js', state: main.state, workDir: main.workDir });
    expect(post.stdout).toContain('nothing to clean up');
    expect(env.github.requests.length).toBe(requestsBefore);
    expect(env.github.checkRuns[0]).toMatchObject({ conclusion: 'success' });
    await removeWorkDir(main);
  });

  it('timeout-minutes: the check is timed_out and the remote evaluation cancelled', async () => {
    const run = await runAction({ inputs: env.inputs('openai', { 'timeout-minutes': '0.03' }), githubApiUrl: env.github.url });
    expect(run.exitCode).toBe(1);
    expect(env.github.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'timed_out' });
    expect(env.emulator.evaluations('openai')[0]?.status).toBe('canceled');
    expect(run.outputs.status).toBe('timed_out');
    await removeWorkDir(run);
  });
});

describe('re-runs re-attach', () => {
  it.each(['prime', 'nugen'] as const)('%s: a re-run after a lost runner pays once and completes the same check', async (provider) => {
    env.emulator.configure({ durationMs: 3000 });
    const first = await runAction({
      inputs: env.inputs(provider),
      githubApiUrl: env.github.url,
      whileRunning: async (child) => {
        await until(checkInProgress, 'the in-progress check');
        killGroup(child, 'SIGKILL');
      },
    });
    expect(first.signal).toBe('SIGKILL');
    const [created] = env.emulator.evaluations(provider);
    const second = await runAction({ inputs: env.inputs(provider, { 'timeout-minutes': '1' }), githubApiUrl: env.github.url });
    expect(second.exitCode, second.stdout).toBe(0);
    expect(second.stdout).toContain('Re-attaching to');
    expect(env.github.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(env.emulator.evaluations(provider)).toHaveLength(1);
    expect(second.outputs['evaluation-id']).toBe(created?.id);
    expect(env.github.checkRuns).toHaveLength(1);
    expect(env.github.checkRuns[0]!.output.title).toBe('avg 0.60 · min 0.50 · max 0.70 (n=2)');
    await removeWorkDir(first);
    await removeWorkDir(second);
  });

  it('a re-run of a finished job re-attaches to the completed evaluation', async () => {
    env.emulator.configure({ durationMs: 300 });
    const first = await runAction({ inputs: env.inputs('openai'), githubApiUrl: env.github.url });
    const second = await runAction({ inputs: env.inputs('openai'), githubApiUrl: env.github.url });
    expect(second.exitCode).toBe(0);
    expect(env.emulator.evaluations('openai')).toHaveLength(1);
    expect(second.outputs['evaluation-id']).toBe(first.outputs['evaluation-id']);
    expect(second.outputs['avg-score']).toBe('0.6');
    expect(env.emulator.requests.filter((request) => request.method === 'POST' && /\/runs$/.test(request.path))).toHaveLength(1);
    await removeWorkDir(first);
    await removeWorkDir(second);
  });
});
