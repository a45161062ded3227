/**
 * The shipped dist/index.js against the emulator speaking OpenAI Evals as documented: the check's avg/min/max equal
 * what the run's output items say (computed here from the emulator's own `/output_items`), and a SIGTERM cancels the
 * remote run whichever cancel path the server has (QUIRKS OPENAI-1).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { killGroup, removeWorkDir, runAction, until } from '../support/action-process.js';
import { PROVIDER_KEY, startE2E, type E2E } from '../support/e2e-env.js';

let env: E2E;
beforeEach(async () => {
  env = await startE2E();
});
afterEach(async () => env.close());

interface OutputItemPage {
  data: Array<{ id: string; results: Array<{ score: number }> }>;
  has_more: boolean;
}

/** Every results[].score of the run's output items, read page by page from the emulator as any client would. */
async function outputItemScores(evaluationId: string): Promise<number[]> {
  const [evalId, runId] = evaluationId.split('/');
  const scores: number[] = [];
  let after: string | undefined;
  for (let page = 0; page < 100; page++) {
    const url = `${env.emulator.baseUrls.openai}/evals/${evalId}/runs/${runId}/output_items?limit=3${after ? `&after=${after}` : ''}`;
    const response = await fetch(url, { headers: { authorization: `Bearer ${PROVIDER_KEY}` } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as OutputItemPage;
    for (const item of body.data) scores.push(...item.results.map((result) => result.score));
    if (!body.has_more) return scores;
    after = body.data.at(-1)?.id;
  }
  throw new Error('output items did not end within 100 pages');
}

const cancelRequests = () =>
  env.emulator.requests
    .filter((request) => request.method === 'POST' && /\/runs\/[^/?]+(\/cancel)?$/.test(request.path))
    .map((request) => [request.path.replace(/evalrun_\w+/, 'RUN'), request.status]);

describe('openai, as documented', () => {
  it('a completed run: the check and outputs carry the avg/min/max of the output items', async () => {
    const run = await runAction({ inputs: env.inputs('openai'), githubApiUrl: env.github.url });
    expect(run.exitCode, run.stdout).toBe(0);
    const evaluationId = run.outputs['evaluation-id'] ?? '';
    expect(evaluationId).toMatch(/^eval_demo\/evalrun_[0-9a-f]{32}$/);

    const scores = await outputItemScores(evaluationId);
    expect(scores).toHaveLength(10);
    const avg = scores.reduce((sum, score) => sum + score, 0) / scores.length;
    expect(Number(run.outputs['avg-score'])).toBeCloseTo(avg, 10);
    expect(Number(run.outputs['min-score'])).toBe(Math.min(...scores));
    expect(Number(run.outputs['max-score'])).toBe(Math.max(...scores));
    expect(run.outputs['total-samples']).toBe(String(scores.length));
    expect(run.outputs.status).toBe('completed');

    const [check] = env.github.checkRuns;
    expect(check).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(check!.output.title).toContain(`(n=${scores.length})`);
    expect(check!.output.title).toContain(`min ${Math.min(...scores).toFixed(2)}`);
    expect(check!.output.title).toContain(`max ${Math.max(...scores).toFixed(2)}`);
    await removeWorkDir(run);
  });

  it.each([
    ['cancel-suffix', [['/v1/evals/eval_demo/runs/RUN/cancel', 200]]],
    [
      'bare',
      [
        ['/v1/evals/eval_demo/runs/RUN/cancel', 404],
        ['/v1/evals/eval_demo/runs/RUN', 200],
      ],
    ],
  ] as const)('SIGTERM cancels the remote run where the server has only the %s cancel path', async (paths, expected) => {
    env.emulator.configure({ durationMs: 30_000, openaiCancelPaths: paths });
    const run = await runAction({
      inputs: env.inputs('openai'),
      githubApiUrl: env.github.url,
      whileRunning: async (child) => {
        await until(() => env.github.checkRuns.some((check) => check.status === 'in_progress'), 'the in-progress check');
        killGroup(child, 'SIGTERM');
      },
    });
    expect(run.exitCode).toBe(1);
    expect(env.github.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'cancelled' });
    expect(env.emulator.evaluations('openai').map((evaluation) => evaluation.status)).toEqual(['canceled']);
    expect(cancelRequests()).toEqual(expected);
    expect(run.outputs).toMatchObject({ status: 'cancelled' });
    await removeWorkDir(run);
  });
});
