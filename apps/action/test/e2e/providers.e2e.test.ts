import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HEAD_SHA, removeWorkDir, runAction } from '../support/action-process.js';
import { PROVIDER_KEY, startE2E, type E2E } from '../support/e2e-env.js';

let env: E2E;
beforeEach(async () => {
  env = await startE2E();
  env.emulator.configure({ scores: [0.2, 0.5, 0.9, 1] });
});
afterEach(async () => env.close());

function secretFree(texts: string[]): void {
  for (const text of texts) expect(text).not.toContain(PROVIDER_KEY);
}

describe('dist/index.js against the emulator and the GitHub stand-in', () => {
  it.each(['prime', 'openai', 'nugen'] as const)('%s: posts the check in progress, then completed with avg/min/max', async (provider) => {
    const run = await runAction({ inputs: env.inputs(provider, { 'min-avg-score': '0.6', 'badge-path': 'badges/eval.svg' }), githubApiUrl: env.github.url });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(env.github.checkRuns).toHaveLength(1);
    const check = env.github.checkRuns[0]!;
    expect(check.head_sha).toBe(HEAD_SHA);
    expect(check.history[0]).toMatchObject({ status: 'in_progress', conclusion: null });
    expect(check.history.at(-1)).toMatchObject({ status: 'completed', conclusion: 'success', title: 'avg 0.65 · min 0.20 · max 1.00 (n=4)' });
    expect(check.external_id).toBe(run.outputs['evaluation-id']);
    // Nugen documents no report URL: no details_url then, and an empty report-url output.
    expect(check.details_url ?? '').toBe(run.outputs['report-url']);
    expect(check.output.summary).toContain('| avg | 0.65 |');
    // The samples' scores, read back from the provider: one line in the check and comment, full size in the job summary.
    expect(check.output.summary).toContain('Scores per sample: `0.00   ▄  ▄   █ 1.00` (4 samples)');
    expect(run.summary).toContain('**Scores per sample** (4 samples)');
    expect(run.summary).toContain(`0.95–1.00 │${'█'.repeat(32)}│ 1`);
    expect(run.outputs).toMatchObject({ status: 'completed', gate: 'pass', 'avg-score': '0.65', 'min-score': '0.2', 'max-score': '1', 'total-samples': '4' });
    expect(JSON.parse(run.outputs['result-json']!)).toMatchObject({ version: 1, gate: 'pass', scores: { avg: 0.65, count: 4 } });
    expect(run.summary).toContain('avg 0.65 · min 0.20 · max 1.00 (n=4)');
    expect(run.state).toMatchObject({ 'evaluation-id': run.outputs['evaluation-id'], completed: 'true' });
    const comment = env.github.comments.find((candidate) => candidate.issue_number === 7);
    expect(comment?.body).toContain('<!-- evalgate:evalgate -->');
    expect(comment?.body).toContain('Scores per sample: `0.00   ▄  ▄   █ 1.00`');
    const badgeJson = await readFile(join(run.workDir, 'badges/eval.json'), 'utf8');
    const badgeSvg = await readFile(join(run.workDir, 'badges/eval.svg'), 'utf8');
    expect(JSON.parse(badgeJson)).toEqual({ schemaVersion: 1, label: 'evalgate', message: 'pass · avg 0.65', color: 'brightgreen' });
    expect(badgeSvg).toMatch(/^<svg[\s\S]*pass · avg 0.65/);
    // The ::add-mask:: command is how the runner learns the secret; it is not output.
    secretFree([
      ...env.github.requests.map((request) => JSON.stringify(request)),
      ...Object.values(run.files),
      badgeJson,
      badgeSvg,
      run.stdout.replace(/^::add-mask::.*$/gm, ''),
      run.stderr,
    ]);
    await removeWorkDir(run);
  });

  it('updates the check with progress while the evaluation runs, at most every 10 s', async () => {
    env.emulator.configure({ durationMs: 11_500 });
    const run = await runAction({ inputs: env.inputs('prime'), githubApiUrl: env.github.url });
    expect(run.exitCode, run.stdout).toBe(0);
    const history = env.github.checkRuns[0]!.history;
    const progress = history.slice(1, -1);
    expect(progress.length).toBeGreaterThanOrEqual(1);
    expect(progress.length).toBeLessThanOrEqual(2);
    expect(progress[0]).toMatchObject({ status: 'in_progress', title: expect.stringMatching(/^Running · \d+(\.\d)?%/) });
    expect(progress[0]!.summary).toContain('Waiting for the prime evaluation');
    expect(history.at(-1)).toMatchObject({ status: 'completed', conclusion: 'success' });
    await removeWorkDir(run);
  });

  it('fails the check and the step when a threshold is missed', async () => {
    const run = await runAction({ inputs: env.inputs('openai', { 'min-avg-score': '0.7', 'min-min-score': '0.1' }), githubApiUrl: env.github.url });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('::error::Gate fail: avg 0.65 < 0.7 (min-avg-score)');
    expect(env.github.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(run.outputs.gate).toBe('fail');
    await removeWorkDir(run);
  });

  it('fail-on: neutral completes the check as neutral and lets the step pass', async () => {
    const run = await runAction({ inputs: env.inputs('nugen', { 'min-min-score': '0.5', 'fail-on': 'neutral' }), githubApiUrl: env.github.url });
    expect(run.exitCode).toBe(0);
    expect(env.github.checkRuns[0]).toMatchObject({ conclusion: 'neutral' });
    await removeWorkDir(run);
  });

  it('a provider failure is a failing check with an inconclusive gate', async () => {
    env.emulator.configure({ outcome: 'failed' });
    const run = await runAction({ inputs: env.inputs('prime'), githubApiUrl: env.github.url });
    expect(run.exitCode).toBe(1);
    expect(env.github.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(run.outputs).toMatchObject({ gate: 'inconclusive', status: 'failed' });
    await removeWorkDir(run);
  });
});

describe('baseline regression', () => {
  it.each(['prime', 'openai', 'nugen'] as const)('%s: compares a PR with the latest evaluation of its base branch', async (provider) => {
    const mainSha = 'aaaa000000000000000000000000000000000003';
    env.emulator.configure({ scores: [0.8, 0.9, 1, 0.9] });
    const onMain = await runAction({ inputs: env.inputs(provider), event: { kind: 'push', sha: mainSha, branch: 'main' }, githubApiUrl: env.github.url });
    expect(onMain.exitCode, onMain.stdout).toBe(0);
    env.github.branches.set('main', mainSha);

    env.emulator.configure({ scores: [0.2, 0.5, 0.9, 1] });
    const tooFar = await runAction({ inputs: env.inputs(provider, { baseline: 'base-branch', 'max-regression': '0.1' }), githubApiUrl: env.github.url });
    expect(tooFar.exitCode, tooFar.stdout).toBe(1);
    const result = JSON.parse(tooFar.outputs['result-json']!);
    expect(result.baseline).toMatchObject({ evaluationId: onMain.outputs['evaluation-id'], avg: 0.9 });
    expect(result.baseline.delta).toBeCloseTo(-0.25);
    expect(tooFar.stdout).toContain(`Baseline used:`);
    const prCheck = env.github.checkRuns.find((check) => check.head_sha !== mainSha)!;
    expect(prCheck).toMatchObject({ conclusion: 'failure' });
    expect(prCheck.output.summary).toContain('| avg | 0.65 | 0.90 | −0.25 |');

    const withinBudget = await runAction({
      inputs: env.inputs(provider, { baseline: 'base-branch', 'max-regression': '0.3' }),
      event: { kind: 'pull_request', headSha: 'bbbb000000000000000000000000000000000004' },
      githubApiUrl: env.github.url,
    });
    expect(withinBudget.exitCode, withinBudget.stdout).toBe(0);
    expect(withinBudget.outputs.gate).toBe('pass');
    await Promise.all([onMain, tooFar, withinBudget].map(removeWorkDir));
  });
});
