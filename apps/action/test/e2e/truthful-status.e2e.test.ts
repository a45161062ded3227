// issue 10: the check tells the truth. Failed and timed-out runs with partial results, unknown provider statuses in
// the log, score formatting at its edges, no samples at all, and matrix siblings sharing one evaluation.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeWorkDir, runAction, until, type ActionRun } from '../support/action-process.js';
import { startE2E, type E2E } from '../support/e2e-env.js';
import { startProviderProxy } from '../support/provider-proxy.js';

let env: E2E;
beforeEach(async () => {
  env = await startE2E();
});
afterEach(async () => env.close());

const checkInProgress = () => env.github.checkRuns.some((check) => check.status === 'in_progress');
const finalCheck = () => env.github.checkRuns.at(-1)!;

function expectNoFinalScores(run: ActionRun): void {
  expect(run.outputs).toMatchObject({ 'avg-score': '', 'min-score': '', 'max-score': '', 'total-samples': '0' });
  expect(JSON.parse(run.outputs['result-json']!)).toMatchObject({ scores: null });
}

describe('runs that did not complete are labelled, never presented as a result', () => {
  it('a run that fails after 20 items says failed, with its partial scores labelled as such', async () => {
    env.emulator.configure({ durationMs: 600, outcome: 'failed' });
    // The provider reports the scores of the 20 items it finished before failing (as issue 10 saw).
    const partial = (value: unknown): unknown =>
      value !== null && typeof value === 'object' && (value as { status?: unknown }).status === 'FAILED'
        ? { ...value, total_samples: 20, avg_score: 0.46, min_score: 0.04, max_score: 0.83 }
        : value;
    const proxy = await startProviderProxy({ target: env.emulator.url, rewrite: (_request, body) => partial(body) });
    try {
      const run = await runAction({ inputs: env.inputs('prime', { 'base-url': proxy.url, 'min-avg-score': '0.4' }), githubApiUrl: env.github.url });
      expect(run.exitCode, run.stdout).toBe(1);
      const check = finalCheck();
      expect(check).toMatchObject({ status: 'completed', conclusion: 'failure' });
      expect(check.output.title).toMatch(/^failed after 20(\/\d+| items) · avg 0\.46 over completed items$/);
      expect(check.output.summary).toMatch(/^### evalgate: ❌ evaluation failed · gate inconclusive/);
      expect(check.output.summary).toContain('Partial scores over the items completed before the evaluation stopped; not a result');
      expect(run.outputs).toMatchObject({ status: 'failed', gate: 'inconclusive', 'partial-avg-score': '0.46', 'partial-samples': '20' });
      expectNoFinalScores(run);
      expect(JSON.parse(run.outputs['result-json']!)).toMatchObject({ partialScores: { avg: 0.46, count: 20 } });
      expect(run.stdout).toMatch(/: failed \(provider: "FAILED"\)/);
      await removeWorkDir(run);
    } finally {
      await proxy.close();
    }
  });

  it('timeout-minutes with partial scores: timed out in the title and outputs, never avg-score', async () => {
    env.emulator.configure({ durationMs: 30_000 });
    // This provider reports running scores over the items done so far.
    const running = (value: unknown): unknown =>
      value !== null && typeof value === 'object' && (value as { status?: unknown }).status === 'RUNNING'
        ? { ...value, total_samples: 7, avg_score: 0.5, min_score: 0.25, max_score: 0.75 }
        : value;
    const proxy = await startProviderProxy({ target: env.emulator.url, rewrite: (_request, body) => running(body) });
    try {
      const run = await runAction({ inputs: env.inputs('prime', { 'base-url': proxy.url, 'timeout-minutes': '0.08' }), githubApiUrl: env.github.url });
      expect(run.exitCode).toBe(1);
      expect(finalCheck()).toMatchObject({ status: 'completed', conclusion: 'timed_out' });
      expect(finalCheck().output.title).toMatch(/^timed out after 7(\/\d+| items) · avg 0\.50 over completed items$/);
      expect(finalCheck().output.summary).toMatch(/^### evalgate: ⏱️ evaluation timed out · gate inconclusive/);
      expect(run.outputs).toMatchObject({ status: 'timed_out', gate: 'inconclusive', 'partial-avg-score': '0.5', 'partial-samples': '7' });
      expectNoFinalScores(run);
      expect(env.emulator.evaluations('prime')[0]?.status).toBe('CANCELLED');
      await removeWorkDir(run);
    } finally {
      await proxy.close();
    }
  });
});

describe('the log shows the provider status', () => {
  it('an unknown status (ARCHIVING) appears as the provider sent it, beside the normalized one', async () => {
    env.emulator.configure({ durationMs: 3_000 });
    const run = await runAction({
      inputs: env.inputs('prime'),
      githubApiUrl: env.github.url,
      whileRunning: async (child) => {
        let output = '';
        child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
        await until(checkInProgress, 'the in-progress check');
        const [evaluation] = env.emulator.evaluations('prime');
        env.emulator.setStatus('prime', evaluation!.id, 'ARCHIVING');
        await until(() => output.includes('unknown (provider: "ARCHIVING")'), 'the unknown status in the log');
        env.emulator.setStatus('prime', evaluation!.id, null);
      },
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/: unknown \(provider: "ARCHIVING"\)/);
    expect(run.stdout).toMatch(/: completed \(provider: "COMPLETED"\)/);
    expect(run.stdout).not.toMatch(/: Running$/m);
    await removeWorkDir(run);
  });
});

describe('an answer that cannot be understood', () => {
  it('nugen: an unreadable status answer ends the run as error, naming the typed error once with its request id once', async () => {
    env.emulator.configure({ durationMs: 20_000 });
    // The status answer in a shape no Nugen document shows.
    const garble = (request: { path: string }, value: unknown): unknown =>
      /\/status$/.test(request.path) && value !== null && typeof value === 'object' ? { ...value, progress: 50, questions_completed: 'five' } : value;
    const proxy = await startProviderProxy({ target: env.emulator.url, rewrite: garble });
    try {
      const run = await runAction({ inputs: env.inputs('nugen', { 'base-url': proxy.url }), githubApiUrl: env.github.url });
      expect(run.exitCode).toBe(1);
      expect(finalCheck()).toMatchObject({ status: 'completed', conclusion: 'failure' });
      expect(finalCheck().output.title).toBe('evalgate could not finish');
      expect(run.outputs).toMatchObject({ status: 'error', gate: 'inconclusive', 'total-samples': '0' });
      const line = run.stdout.split('\n').find((candidate) => candidate.startsWith('::error::'))!;
      expect(line).toMatch(/ResponseValidationError: /);
      expect(line.match(/ResponseValidationError/g)).toHaveLength(1);
      const requestIds = line.match(/req_\w+/g) ?? [];
      expect(new Set(requestIds).size).toBe(requestIds.length);
      expect(finalCheck().output.summary).toContain('ResponseValidationError');
      await removeWorkDir(run);
    } finally {
      await proxy.close();
    }
  });
});

describe('a poll answer that cannot be understood once', () => {
  it('prime: the log says so and the wait goes on to the result', async () => {
    env.emulator.configure({ durationMs: 1_500 });
    let garbled = 0;
    // The first poll's answer in a shape no Prime document shows; the ones after it are intact.
    const garbleOnce = (request: { method: string; path: string }, value: unknown): unknown => {
      if (request.method !== 'GET' || !/\/api\/v1\/evaluations\/[^/?]+$/.test(request.path) || garbled > 0) return value;
      garbled++;
      return value !== null && typeof value === 'object' ? { ...value, status: 7 } : value;
    };
    const proxy = await startProviderProxy({ target: env.emulator.url, rewrite: garbleOnce });
    try {
      const run = await runAction({ inputs: env.inputs('prime', { 'base-url': proxy.url }), githubApiUrl: env.github.url });
      expect(garbled).toBe(1);
      expect(run.exitCode, run.stdout).toBe(0);
      expect(run.stdout).toMatch(/A poll of prime evaluation \S+ failed; polling on\. ResponseValidationError: .*unexpected body: status/);
      expect(finalCheck()).toMatchObject({ status: 'completed', conclusion: 'success' });
      await removeWorkDir(run);
    } finally {
      await proxy.close();
    }
  });
});

describe('scores print with one precision per title, never 1.00 for less than 1 nor 0.00 for more than 0', () => {
  it.each([
    { scores: [0.9985], title: 'avg 0.999 · min 0.999 · max 0.999 (n=1)', avg: '0.9985' },
    { scores: [0.0027, 0.0004], title: 'avg 0.0016 · min 0.0004 · max 0.0027 (n=2)', avg: '0.00155' },
    { scores: [0], title: 'avg 0.00 · min 0.00 · max 0.00 (n=1)', avg: '0' },
  ])('$scores', async ({ scores, title, avg }) => {
    env.emulator.configure({ durationMs: 300, scores });
    const run = await runAction({ inputs: env.inputs('openai'), githubApiUrl: env.github.url });
    expect(finalCheck().output.title).toBe(title);
    // Outputs keep full precision.
    expect(run.outputs['avg-score']).toBe(avg);
    await removeWorkDir(run);
  });
});

describe('no samples', () => {
  it('a completed evaluation without scored samples: total-samples is 0, the gate inconclusive', async () => {
    env.emulator.configure({ durationMs: 300 });
    const empty = (value: unknown): unknown =>
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(
            Object.entries(value).map(([key, item]) => [
              key,
              /^(avg|min|max)_score$/.test(key) ? null : key === 'total_samples' ? 0 : key === 'evaluations' ? (item as unknown[]).map(empty) : item,
            ]),
          )
        : value;
    // No stored sample carries a score either.
    const noSamples = (request: { path: string }, body: unknown): unknown =>
      /\/samples(\?|$)/.test(request.path) && body !== null && typeof body === 'object' ? { ...body, samples: [], total: 0 } : empty(body);
    const proxy = await startProviderProxy({ target: env.emulator.url, rewrite: noSamples });
    try {
      const run = await runAction({ inputs: env.inputs('prime', { 'base-url': proxy.url }), githubApiUrl: env.github.url });
      expect(finalCheck().output.title).toBe('Completed without scored samples');
      expect(run.outputs).toMatchObject({ status: 'completed', gate: 'inconclusive', 'total-samples': '0', 'avg-score': '' });
      await removeWorkDir(run);
    } finally {
      await proxy.close();
    }
  });
});

describe('matrix siblings', () => {
  it('two jobs of one run attempt with the same config share one evaluation and say so', async () => {
    env.emulator.configure({ durationMs: 3_000 });
    const first = runAction({ inputs: env.inputs('prime', { 'check-name': 'eval (a)' }), githubApiUrl: env.github.url });
    await until(() => env.emulator.evaluations('prime').length === 1, 'the first job to create its evaluation');
    const second = await runAction({ inputs: env.inputs('prime', { 'check-name': 'eval (b)' }), githubApiUrl: env.github.url });
    const firstRun = await first;
    expect(env.emulator.evaluations('prime')).toHaveLength(1);
    expect(second.stdout).toContain('shared with another job of this workflow run that has the same config');
    expect(second.stdout).not.toContain('earlier');
    expect(second.outputs['evaluation-id']).toBe(firstRun.outputs['evaluation-id']);
    await removeWorkDir(firstRun);
    await removeWorkDir(second);
  });
  it('on a first run attempt, a sibling is found through its check run on the commit, then at the provider', async () => {
    env.emulator.configure({ durationMs: 3_000 });
    const first = runAction({ inputs: env.inputs('prime', { 'check-name': 'eval (a)' }), githubApiUrl: env.github.url, runAttempt: '1' });
    // A job posts its check right after its create: that check is what tells a first attempt to search the provider.
    await until(() => env.github.checkRuns.some((check) => check.name === 'eval (a)' && !!check.external_id), 'the first job to post its check');
    const second = await runAction({ inputs: env.inputs('prime', { 'check-name': 'eval (b)' }), githubApiUrl: env.github.url, runAttempt: '1' });
    const firstRun = await first;
    expect(env.emulator.evaluations('prime')).toHaveLength(1);
    expect(second.stdout).toContain('shared with another job of this workflow run that has the same config');
    expect(second.outputs['evaluation-id']).toBe(firstRun.outputs['evaluation-id']);
    await removeWorkDir(firstRun);
    await removeWorkDir(second);
  });
});
