/**
 * Issue 8: the shipped dist/index.js against an emulator serving Nugen's documented shapes (string progress, results
 * `metrics` / comparison blocks, per-question scores only in the download file), in both status vocabularies.
 * Expected figures are computed from the emulator's own download file, not written into the test.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeWorkDir, runAction } from '../support/action-process.js';
import { PROVIDER_KEY, startE2E, type E2E } from '../support/e2e-env.js';

let env: E2E;
beforeEach(async () => {
  env = await startE2E();
});
afterEach(async () => env.close());

interface DownloadFile {
  detailed_results?: Array<{ score: number }>;
  base_model?: { detailed_results: Array<{ score: number }> };
  eval_model?: { detailed_results: Array<{ score: number }> };
}

/** The emulator's download file for an evaluation, read over HTTP as a Nugen client would. */
async function download(id: string): Promise<DownloadFile> {
  const response = await fetch(`${env.emulator.baseUrls.nugen}/api/v3/evaluations/${encodeURIComponent(id)}/download`, {
    headers: { authorization: `Bearer ${PROVIDER_KEY}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as DownloadFile;
}

/** avg/min/max as the Action prints them in its outputs (12 significant digits). */
function figures(rows: Array<{ score: number }> | undefined) {
  const scores = (rows ?? []).map((row) => row.score);
  expect(scores.length).toBeGreaterThan(0);
  const print = (value: number) => String(Number(value.toPrecision(12)));
  return {
    avg: print(scores.reduce((sum, score) => sum + score, 0) / scores.length),
    min: print(Math.min(...scores)),
    max: print(Math.max(...scores)),
    count: String(scores.length),
  };
}

describe.each(['upper', 'lower'] as const)('nugen, documented shapes (%s-case statuses)', (nugenStatusCase) => {
  beforeEach(() => env.emulator.configure({ nugenStatusCase }));

  it('single model: the check completes with avg/min/max of the download file', async () => {
    const run = await runAction({ inputs: env.inputs('nugen'), githubApiUrl: env.github.url });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const id = run.outputs['evaluation-id']!;
    const expected = figures((await download(id)).detailed_results);
    expect(run.outputs).toMatchObject({
      status: 'completed',
      'avg-score': expected.avg,
      'min-score': expected.min,
      'max-score': expected.max,
      'total-samples': expected.count,
    });
    expect(env.github.checkRuns).toHaveLength(1);
    expect(env.github.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'success', external_id: id });
    const created = env.emulator.requests.filter((request) => request.method === 'POST' && request.path.startsWith('/api/v3/evaluations'));
    expect(created.map((request) => request.path)).toEqual(['/api/v3/evaluations']);
    await removeWorkDir(run);
  });

  it('comparison mode (baseline-model-id → model_id_2): both models scored, the second as the baseline', async () => {
    const run = await runAction({ inputs: env.inputs('nugen', { 'baseline-model-id': 'model-b' }), githubApiUrl: env.github.url });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const file = await download(run.outputs['evaluation-id']!);
    const primary = figures(file.base_model?.detailed_results);
    const baseline = figures(file.eval_model?.detailed_results);
    expect(run.outputs).toMatchObject({ status: 'completed', 'avg-score': primary.avg, 'min-score': primary.min, 'max-score': primary.max });
    const result = JSON.parse(run.outputs['result-json']!) as { baseline: { source: string; avg: number } | null };
    expect(result.baseline?.source).toBe('comparison');
    expect(String(Number(result.baseline?.avg.toPrecision(12)))).toBe(baseline.avg);
    expect(env.github.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'success' });
    await removeWorkDir(run);
  });

  it('Nugen FAILED ends the check as failure, not timed_out, long before timeout-minutes', async () => {
    env.emulator.configure({ outcome: 'failed' });
    const run = await runAction({ inputs: env.inputs('nugen', { 'timeout-minutes': '1' }), githubApiUrl: env.github.url });
    expect(run.exitCode).toBe(1);
    expect(env.github.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(run.outputs).toMatchObject({ status: 'failed', gate: 'inconclusive' });
    // Ended by Nugen's answer: a wait that ran into the deadline would conclude timed_out.
    expect(env.emulator.evaluations('nugen')[0]?.status).toBe(nugenStatusCase === 'upper' ? 'FAILED' : 'failed');
    await removeWorkDir(run);
  });
});

describe('nugen re-run', () => {
  it('a re-run of a finished job re-attaches to the completed evaluation instead of creating a second one', async () => {
    const first = await runAction({ inputs: env.inputs('nugen'), githubApiUrl: env.github.url });
    expect(first.exitCode, first.stdout).toBe(0);
    const second = await runAction({ inputs: env.inputs('nugen'), githubApiUrl: env.github.url });
    expect(second.exitCode, second.stdout).toBe(0);
    expect(second.stdout).toContain('Re-attaching to');
    expect(env.emulator.evaluations('nugen')).toHaveLength(1);
    expect(second.outputs['evaluation-id']).toBe(first.outputs['evaluation-id']);
    expect(second.outputs['avg-score']).toBe(first.outputs['avg-score']);
    expect(env.emulator.requests.filter((request) => request.method === 'POST' && request.path.startsWith('/api/v3/evaluations'))).toHaveLength(1);
    await removeWorkDir(first);
    await removeWorkDir(second);
  });
});
