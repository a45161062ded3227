// The fault matrix: the shipped bundle (dist/index.js, i.e. main()) against the emulator's fault injection and a
// GitHub stand-in that fails too, over real HTTP on 127.0.0.1. Each row is one scenario and the conclusion it must
// end with; every row also checks that the check run is never left in progress, that no second evaluation is created,
// that the remote evaluation is cancelled exactly when it should be, and that the API key leaks nowhere.
import { normalizeStatus, type EvaluationStatus, type ProviderName } from '@evalgate/core';
import type { ChildProcess } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckConclusion } from '../src/github/port.js';
import { GITHUB_TOKEN, killGroup, removeWorkDir, runAction, until, type ActionRun } from './support/action-process.js';
import { PROVIDER_KEY, startE2E, type E2E } from './support/e2e-env.js';

interface Scenario {
  name: string;
  provider?: ProviderName;
  /** Simulated run time of the evaluation (the emulator's durationMs). */
  durationMs?: number;
  inputs?: Record<string, string>;
  /** Faults set before the step starts. */
  arrange?: (env: E2E) => void;
  /** Runs while the step runs (after it started), e.g. to change the remote status or cancel the job. */
  during?: (env: E2E, child: ChildProcess, provider: ProviderName) => Promise<void>;
  conclusion: CheckConclusion;
  /** The normalized status the remote evaluation must end in. */
  remote: EvaluationStatus;
  /** The `status` output. */
  status: string;
}

const PRIME_POLL = { method: 'GET', pathIncludes: '/api/v1/evaluations/eval' };

function evaluationsOf(env: E2E, provider: ProviderName) {
  return env.emulator.evaluations(provider);
}

/** Waits for the step to create its evaluation and returns the emulator's id for it. */
async function createdEvaluation(env: E2E, provider: ProviderName): Promise<string> {
  await until(() => evaluationsOf(env, provider).length > 0, 'the evaluation to be created');
  return evaluationsOf(env, provider)[0]!.id;
}

/** Waits until the step has polled the evaluation `count` more times. */
async function polls(env: E2E, id: string, count: number): Promise<void> {
  const seen = () => env.emulator.requests.filter((request) => request.method === 'GET' && request.path.includes(id)).length;
  const target = seen() + count;
  await until(() => seen() >= target, `${count} more polls of ${id}`);
}

const scenarios: Scenario[] = [
  {
    name: 'a 429 storm with Retry-After while polling',
    arrange: (env) => env.emulator.faults.add({ kind: 'rate-limit', count: 3, retryAfterSeconds: 1, match: PRIME_POLL }),
    conclusion: 'success',
    remote: 'completed',
    status: 'completed',
  },
  {
    name: "a 429 storm longer than the client's retry budget",
    arrange: (env) => env.emulator.faults.add({ kind: 'rate-limit', count: 14, retryAfterMs: 40, match: PRIME_POLL }),
    conclusion: 'success',
    remote: 'completed',
    status: 'completed',
  },
  {
    name: 'a burst of 5xx while polling',
    arrange: (env) => {
      env.emulator.faults.add({ kind: 'server-error', count: 1, status: 502, match: PRIME_POLL });
      env.emulator.faults.add({ kind: 'server-error', count: 2, status: 503, match: PRIME_POLL });
    },
    conclusion: 'success',
    remote: 'completed',
    status: 'completed',
  },
  {
    name: 'connection resets while polling',
    arrange: (env) => env.emulator.faults.add({ kind: 'reset', count: 2, match: PRIME_POLL }),
    conclusion: 'success',
    remote: 'completed',
    status: 'completed',
  },
  {
    name: 'a connection reset on create (the create is tried again without a duplicate)',
    arrange: (env) => env.emulator.faults.add({ kind: 'reset', count: 1, match: { method: 'POST', pathIncludes: '/api/v1/evaluations' } }),
    conclusion: 'success',
    remote: 'completed',
    status: 'completed',
  },
  {
    name: 'malformed JSON in 200 responses',
    arrange: (env) => env.emulator.faults.add({ kind: 'malformed-json', count: 2, match: PRIME_POLL }),
    conclusion: 'success',
    remote: 'completed',
    status: 'completed',
  },
  {
    name: 'a status that goes back and forth (running, queued, running) before completing',
    durationMs: 1500,
    during: async (env, _child, provider) => {
      const id = await createdEvaluation(env, provider);
      for (const raw of ['RUNNING', 'PENDING', 'RUNNING']) {
        env.emulator.setStatus(provider, id, raw);
        await polls(env, id, 2);
      }
      env.emulator.setStatus(provider, id, null);
    },
    conclusion: 'success',
    remote: 'completed',
    status: 'completed',
  },
  {
    name: 'an unknown status for a while',
    durationMs: 1500,
    during: async (env, _child, provider) => {
      const id = await createdEvaluation(env, provider);
      env.emulator.setStatus(provider, id, 'REBALANCING_SHARDS');
      await polls(env, id, 3);
      env.emulator.setStatus(provider, id, null);
    },
    conclusion: 'success',
    remote: 'completed',
    status: 'completed',
  },
  {
    name: 'the job cancelled mid-run (SIGTERM)',
    durationMs: 60_000,
    during: async (env, child) => {
      await until(() => env.github.checkRuns.some((check) => check.status === 'in_progress'), 'the in-progress check');
      killGroup(child, 'SIGTERM');
    },
    conclusion: 'cancelled',
    remote: 'cancelled',
    status: 'cancelled',
  },
  {
    name: 'the job timing out (timeout-minutes 0.03)',
    durationMs: 60_000,
    inputs: { 'timeout-minutes': '0.03' },
    conclusion: 'timed_out',
    remote: 'cancelled',
    status: 'timed_out',
  },
  {
    name: "GitHub's API failing (5xx) while completing the check",
    arrange: (env) => env.github.addFault({ status: 502, count: 2, match: { method: 'PATCH', pathIncludes: '/check-runs/' } }),
    conclusion: 'success',
    remote: 'completed',
    status: 'completed',
  },
  {
    name: "GitHub's API rate limiting (429, Retry-After) while completing the check",
    arrange: (env) => env.github.addFault({ status: 429, count: 1, retryAfter: 1, match: { method: 'PATCH', pathIncludes: '/check-runs/' } }),
    conclusion: 'success',
    remote: 'completed',
    status: 'completed',
  },
  {
    name: 'the evaluation failing at the provider',
    arrange: (env) => env.emulator.configure({ outcome: 'failed' }),
    conclusion: 'failure',
    remote: 'failed',
    status: 'failed',
  },
];

/** Everything the step wrote or sent to GitHub; `::add-mask::` is how the runner learns the secret and is not output. */
function everythingVisible(env: E2E, run: ActionRun): string[] {
  return [
    run.stdout.replace(/^::add-mask::.*$/gm, ''),
    run.stderr,
    ...Object.values(run.files),
    ...env.github.requests.map((request) => JSON.stringify({ ...request, headers: { ...request.headers, authorization: undefined } })),
    ...env.github.requests.map((request) => request.headers.authorization ?? ''),
    JSON.stringify(env.github.checkRuns),
    JSON.stringify(env.github.comments),
  ];
}

let env: E2E;
beforeEach(async () => {
  env = await startE2E();
  env.emulator.configure({ scores: [0.4, 0.8] });
});
afterEach(async () => env.close());

describe('fault matrix: dist/index.js against a failing emulator and GitHub stand-in', () => {
  it.each(scenarios.map((scenario) => [scenario.name, scenario] as const))('%s', async (_name, scenario) => {
    const provider = scenario.provider ?? 'prime';
    if (scenario.durationMs !== undefined) env.emulator.configure({ durationMs: scenario.durationMs });
    scenario.arrange?.(env);

    const run = await runAction({
      inputs: env.inputs(provider, scenario.inputs),
      githubApiUrl: env.github.url,
      ...(scenario.during ? { whileRunning: (child: ChildProcess) => scenario.during!(env, child, provider) } : {}),
    });
    const log = run.stdout + run.stderr;
    (await import("node:fs")).writeFileSync(`/tmp/fm-${_name.replace(/[^a-z0-9]+/gi, "-")}.log`, log + "\nEMU:" + JSON.stringify(env.emulator.requests) + "\nGH:" + JSON.stringify(env.github.requests.map((r) => [r.method, r.path, r.status])));

    // The check run ends completed with the honest conclusion, and was never completed before the end.
    expect(env.github.checkRuns, log).toHaveLength(1);
    const check = env.github.checkRuns[0]!;
    expect(check, log).toMatchObject({ status: 'completed', conclusion: scenario.conclusion });
    expect(check.history.slice(0, -1).every((state) => state.status !== 'completed'), log).toBe(true);
    expect(run.exitCode, log).toBe(scenario.conclusion === 'success' ? 0 : 1);
    expect(run.outputs.status, log).toBe(scenario.status);

    // One evaluation, none elsewhere; cancelled remotely exactly when the job stopped before it ended.
    const created = evaluationsOf(env, provider);
    expect(created, log).toHaveLength(1);
    expect(normalizeStatus(provider, created[0]!.status), log).toBe(scenario.remote);
    expect(check.external_id).toBe(created[0]!.id);
    for (const other of (['prime', 'openai', 'nugen'] as const).filter((name) => name !== provider)) {
      expect(evaluationsOf(env, other)).toEqual([]);
    }

    // The provider key is in no log, output, summary, state, file, check run, comment or request to GitHub.
    for (const text of everythingVisible(env, run)) expect(text).not.toContain(PROVIDER_KEY);
    // The GitHub token goes only in the Authorization header to GitHub.
    expect([run.stdout.replace(/^::add-mask::.*$/gm, ''), run.stderr, ...Object.values(run.files)].join('\n')).not.toContain(GITHUB_TOKEN);
    await removeWorkDir(run);
  });
});
