// issue 10: SIGTERM while the create request is in flight, answered 201 after the signal. The evaluation it made must
// not be left running unseen: cancelled where the provider can, its id saved for the post step everywhere.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { killGroup, removeWorkDir, runAction, until } from '../support/action-process.js';
import { startE2E, type E2E } from '../support/e2e-env.js';
import { gate, startProviderProxy, type ProviderProxy } from '../support/provider-proxy.js';

let env: E2E;
let proxy: ProviderProxy;
let release: ReturnType<typeof gate>;
beforeEach(async () => {
  env = await startE2E();
  env.emulator.configure({ durationMs: 30_000, scores: [0.5, 0.7] });
  release = gate();
  let creates = 0;
  proxy = await startProviderProxy({
    target: env.emulator.url,
    // The first POST is the create: it reaches the emulator (which creates the evaluation) but is answered late.
    hold: (request) => (request.method === 'POST' && creates++ === 0 ? release.promise : undefined),
  });
});
afterEach(async () => {
  release.open();
  await proxy.close();
  await env.close();
});

const proxiedBaseUrl = (provider: 'prime' | 'openai' | 'nugen') => (provider === 'openai' ? `${proxy.url}/v1` : proxy.url);

async function cancelDuringCreate(provider: 'prime' | 'openai' | 'nugen') {
  return runAction({
    inputs: env.inputs(provider, { 'base-url': proxiedBaseUrl(provider) }),
    githubApiUrl: env.github.url,
    whileRunning: async (child) => {
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      await until(() => proxy.held.length === 1 && env.emulator.evaluations(provider).length === 1, 'the create to reach the provider');
      killGroup(child, 'SIGTERM');
      // Answer only once the action has taken the signal in: the create is then answered after the cancel.
      await until(() => output.includes('Received SIGTERM'), 'the action to see the signal');
      release.open();
    },
  });
}

describe('a cancel that arrives while the create is in flight', () => {
  it.each(['prime', 'openai'] as const)('%s: the evaluation the create made is cancelled, and the check says so', async (provider) => {
    const run = await cancelDuringCreate(provider);
    const [evaluation] = env.emulator.evaluations(provider);
    expect(evaluation?.status.toLowerCase(), run.stdout).toMatch(/^cancel+ed$/);
    expect(run.stdout).not.toContain('no evaluation had been created');
    expect(run.stdout).toContain(`evaluation ${run.state['evaluation-id']} was cancelled at ${provider}`);
    expect(run.state['evaluation-id']).toBeTruthy();
    expect(
      env.emulator
        .evaluations(provider)
        .map((candidate) => candidate.id)
        .join(),
    ).toContain(run.state['evaluation-id']!.split('/').at(-1));
    expect(run.outputs).toMatchObject({ status: 'cancelled', gate: 'inconclusive' });
    expect(env.github.checkRuns).toHaveLength(1);
    expect(env.github.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'cancelled' });
    expect(env.github.checkRuns[0]!.output.summary).toContain('was cancelled at');
    expect(run.exitCode).toBe(1);
    await removeWorkDir(run);
  });

  it('nugen (no cancel operation): the id is saved for the post step and the log says the evaluation keeps running', async () => {
    const run = await cancelDuringCreate('nugen');
    const [evaluation] = env.emulator.evaluations('nugen');
    expect(run.state['evaluation-id']).toBe(evaluation?.id);
    expect(run.stdout).not.toContain('no evaluation had been created');
    expect(run.stdout).toContain(`nugen has no cancel operation; evaluation ${evaluation?.id} keeps running at the provider until it finishes`);
    expect(run.outputs).toMatchObject({ status: 'cancelled', 'evaluation-id': evaluation?.id });
    expect(env.github.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'cancelled' });
    await removeWorkDir(run);
  });

  it('prime: a create still unanswered after the grace period is found and cancelled by the post step', async () => {
    const main = await runAction({
      inputs: env.inputs('prime', { 'base-url': proxiedBaseUrl('prime') }),
      githubApiUrl: env.github.url,
      whileRunning: async (child) => {
        await until(() => proxy.held.length === 1 && env.emulator.evaluations('prime').length === 1, 'the create to reach the provider');
        killGroup(child, 'SIGTERM');
        // The create is never answered while the main step runs.
      },
    });
    expect(main.stdout).toContain('the create request got no answer within 4 s; the post step will look for the evaluation');
    expect(main.state).toMatchObject({ completed: 'false' });
    expect(JSON.parse(main.state['pending-create']!)).toMatchObject({ target: { provider: 'prime' } });
    release.open();
    const [made] = env.emulator.evaluations('prime');
    expect(made?.status).not.toBe('CANCELLED');

    const post = await runAction({ inputs: env.inputs('prime'), githubApiUrl: env.github.url, entry: 'post.js', state: main.state, workDir: main.workDir });
    expect(post.exitCode, post.stdout).toBe(0);
    expect(post.stdout).toContain(`did make evaluation ${made?.id}`);
    expect(env.emulator.evaluations('prime')[0]?.status).toBe('CANCELLED');
    await removeWorkDir(main);
  });
});
