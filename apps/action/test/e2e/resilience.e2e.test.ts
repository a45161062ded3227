import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeWorkDir, runAction } from '../support/action-process.js';
import { PROVIDER_KEY, startE2E, type E2E } from '../support/e2e-env.js';

let env: E2E;
beforeEach(async () => {
  env = await startE2E();
  env.emulator.configure({ scores: [0.2, 0.5, 0.9, 1] });
});
afterEach(async () => env.close());

const TITLE = 'avg 0.65 · min 0.20 · max 1.00 (n=4)';

describe('flaky servers', () => {
  it.each(['prime', 'openai', 'nugen'] as const)('%s: a 429 storm and 5xx bursts from both servers still end in a correct check', async (provider) => {
    // A 5xx burst, then a 429 storm: the first requests of the run (search, create) meet both.
    env.emulator.faults.add({ kind: 'server-error', count: 3, status: 503, match: { provider } });
    env.emulator.faults.add({ kind: 'rate-limit', count: 6, retryAfterMs: 20, match: { provider } });
    env.github.addFault({ status: 500, count: 2, match: { method: 'POST', pathIncludes: '/check-runs' } });
    env.github.addFault({ status: 429, count: 3, retryAfter: 0, match: { method: 'PATCH', pathIncludes: '/check-runs' } });
    env.github.addFault({ status: 502, count: 2, retryAfter: 0, match: { method: 'GET', pathIncludes: '/comments' } });
    const run = await runAction({ inputs: env.inputs(provider), githubApiUrl: env.github.url });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(env.emulator.requests.filter((request) => request.status === 429).length).toBe(6);
    expect(env.emulator.requests.filter((request) => request.status === 503).length).toBe(3);
    expect(env.github.requests.filter((request) => request.status >= 429).length).toBe(7);
    expect(env.github.checkRuns).toHaveLength(1);
    expect(env.github.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(env.github.checkRuns[0]!.output.title).toBe(TITLE);
    expect(env.emulator.evaluations(provider)).toHaveLength(1);
    expect(env.github.comments).toHaveLength(1);
    await removeWorkDir(run);
  });
});

describe('read-only tokens', () => {
  it('a 403 on creating the check (fork PR) does not crash: summary and outputs carry the result with the reason', async () => {
    env.github.addFault({ status: 403, count: 100, match: { method: 'POST' } });
    const run = await runAction({ inputs: env.inputs('prime'), event: { kind: 'pull_request', fork: true }, githubApiUrl: env.github.url });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(env.github.checkRuns).toHaveLength(0);
    expect(run.stdout).toMatch(
      /::warning::No check run was posted: GitHub refused to create the check run \(HTTP 403\) because this pull request comes from a fork/,
    );
    expect(run.summary).toContain(TITLE);
    expect(run.summary).toContain('No check run was posted');
    expect(run.outputs).toMatchObject({ gate: 'pass', 'avg-score': '0.65' });
    await removeWorkDir(run);
  });
});

describe('bad inputs and secrets', () => {
  it('fails fast naming each bad input, before any request', async () => {
    const run = await runAction({ inputs: { ...env.inputs('prime'), provider: 'anthropic', 'min-avg-score': 'high' }, githubApiUrl: env.github.url });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('::error::Input "provider" must be one of prime | openai | nugen (got "anthropic")');
    expect(run.stdout).toContain('Input "min-avg-score" must be a number');
    expect(env.github.requests).toHaveLength(0);
    expect(env.emulator.requests).toHaveLength(0);
    await removeWorkDir(run);
  });

  it('names the missing provider settings', async () => {
    const run = await runAction({ inputs: { ...env.inputs('openai'), 'eval-id': '' }, githubApiUrl: env.github.url });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('Input "eval-id" is required for provider openai');
    await removeWorkDir(run);
  });

  it('a rejected API key gives a failed check naming the error, and the key appears nowhere', async () => {
    const wrongKey = 'wrong-key-SECRET-5521';
    const run = await runAction({ inputs: { ...env.inputs('openai'), 'api-key': wrongKey }, githubApiUrl: env.github.url });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/::error::AuthenticationError: .*HTTP 401/);
    expect(env.github.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(env.github.checkRuns[0]!.output.summary).toContain('AuthenticationError');
    const everything = [
      ...env.github.requests.map((request) => JSON.stringify(request)),
      ...Object.values(run.files),
      run.stdout.replace(/^::add-mask::.*$/gm, ''),
      run.stderr,
    ];
    for (const text of everything) {
      expect(text).not.toContain(wrongKey);
      expect(text).not.toContain(PROVIDER_KEY);
    }
    await removeWorkDir(run);
  });
});
