// The fault matrix: the shipped bundle (dist/index.js, i.e. main()) against the emulator's fault injection and a
// GitHub stand-in that fails too, over real HTTP on 127.0.0.1. Each row is one scenario and the conclusion it must
// end with; every row also checks that the check run is never left in progress, that no second evaluation is created,
// that the remote evaluation is cancelled exactly when it should be, and that the API key leaks nowhere.
import { normalizeStatus, type EvaluationStatus, type ProviderName } from '@evalgate/core';
import type { FaultSpec } from '@evalgate/emulator';
import type { ChildProcess } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckConclusion } from '../src/github/port.js';
import { GITHUB_TOKEN, killGroup, removeWorkDir, runAction, until, type ActionRun } from './support/action-process.js';
import { PROVIDER_KEY, startE2E, type E2E } from './support/e2e-env.js';

/** The e2e environment has inputs for the shipped providers (a test-only one is not among them). */
type ShippedProvider = Parameters<E2E['inputs']>[0];

interface Scenario {
  name: string;
  provider?: ShippedProvider;
  /** Simulated run time of the evaluation (the emulator's durationMs). */
  durationMs?: number;
  inputs?: Record<string, string>;
  /** Faults set before the step starts. */
  arrange?: (env: E2E) => void;
  /** Runs while the step runs (after it started), e.g. to inject faults into its polls or cancel the job. */
  during?: (env: E2E, child: ChildProcess, provider: ProviderName) => Promise<void>;
  /** Proves the fault really happened, so a row cannot pass by missing its target. */
  evidence: (env: E2E, run: ActionRun) => void;
  conclusion: CheckConclusion;
  /** The normalized status the remote evaluation must end in (one of them, where the timing decides). */
  remote: EvaluationStatus | EvaluationStatus[];
  /** The `status` output. */
  status: string;
}

function evaluationsOf(env: E2E, provider: ProviderName) {
  return env.emulator.evaluations(provider);
}

/** Waits for the step to create its evaluation and returns the emulator's record of it. */
async function createdEvaluation(env: E2E, provider: ProviderName) {
  await until(() => evaluationsOf(env, provider).length > 0, 'the evaluation to be created');
  return evaluationsOf(env, provider)[0]!;
}

/** Injects `fault` into the polls of the evaluation the step creates (not its earlier list or create requests). */
function duringPolls(fault: (id: string) => FaultSpec): NonNullable<Scenario['during']> {
  return async (env, _child, provider) => {
    const { id } = await createdEvaluation(env, provider);
    env.emulator.faults.add(fault(id));
  };
}

/** Waits until the step has polled the evaluation `count` more times. */
async function polls(env: E2E, id: string, count: number): Promise<void> {
  const seen = () => env.emulator.requests.filter((request) => request.method === 'GET' && request.path.includes(id)).length;
  const target = seen() + count;
  await until(() => seen() >= target, `${count} more polls of ${id}`);
}

/** Forces each raw status in turn for two polls, then lets the lifecycle finish; records that it began in time. */
function forceStatuses(raws: string[]): { during: NonNullable<Scenario['during']>; evidence: Scenario['evidence'] } {
  let forcedBeforeTerminal = false;
  let forcedPolls = 0;
  return {
    during: async (env, _child, provider) => {
      const evaluation = await createdEvaluation(env, provider);
      for (const raw of raws) {
        env.emulator.setStatus(provider, evaluation.id, raw);
        if (raw === raws[0]) forcedBeforeTerminal = Date.now() < evaluation.createdAt + evaluation.durationMs;
        await polls(env, evaluation.id, 2);
        forcedPolls += 2;
      }
      env.emulator.setStatus(provider, evaluation.id, null);
    },
    evidence: () => {
      expect(forcedBeforeTerminal, 'the forced statuses began before the evaluation could finish').toBe(true);
      expect(forcedPolls).toBe(raws.length * 2);
    },
  };
}

/** What the runner does when a job is cancelled: SIGTERM to the step, once its check shows in progress. */
async function cancelOnceInProgress(env: E2E, child: ChildProcess): Promise<void> {
  await until(() => env.github.checkRuns.some((check) => check.status === 'in_progress'), 'the in-progress check');
  killGroup(child, 'SIGTERM');
}

const statusesOf = (env: E2E, status: number) => env.emulator.requests.filter((request) => request.status === status);
const gitHubStatusesOf = (env: E2E, status: number) => env.github.requests.filter((request) => request.status === status);
const backAndForth = forceStatuses(['RUNNING', 'PENDING', 'RUNNING']);
const unknown = forceStatuses(['REBALANCING_SHARDS']);

const scenarios: Scenario[] = [
  {
    name: 'a 429 storm with Retry-After while polling',
    during: duringPolls((id) => ({ kind: 'rate-limit', count: 3, retryAfterSeconds: 1, match: { method: 'GET', pathIncludes: id } })),
    evidence: (env) => expect(statusesOf(env, 429)).toHaveLength(3),
    conclusion: 'success',
    remote: 'completed',
    status: 'completed',
  },
  {
    name: "a 429 storm longer than the client's retry budget",
    during: duringPolls((id) => ({ kind: 'rate-limit', count: 14, retryAfterMs: 40, match: { method: 'GET', pathIncludes: id } })),
    evidence: (env) => expect(statusesOf(env, 429)).toHaveLength(14),
    conclusion: 'success',
    remote: 'completed',
    status: 'completed',
  },
  {
    name: 'a burst of 5xx while polling',
    during: async (env, child, provider) => {
      await duringPolls((id) => ({ kind: 'server-error', count: 1, status: 502, match: { method: 'GET', pathIncludes: id } }))(env, child, provider);
      await duringPolls((id) => ({ kind: 'server-error', count: 2, status: 503, match: { method: 'GET', pathIncludes: id } }))(env, child, provider);
    },
    evidence: (env) => {
      expect(statusesOf(env, 502)).toHaveLength(1);
      expect(statusesOf(env, 503)).toHaveLength(2);
    },
    conclusion: 'success',
    remote: 'completed',
    status: 'completed',
  },
  {
    name: 'connection resets while polling',
    during: duringPolls((id) => ({ kind: 'reset', count: 2, match: { method: 'GET', pathIncludes: id } })),
    // The emulator logs a reset connection with status 0.
    evidence: (env) => expect(statusesOf(env, 0)).toHaveLength(2),
    conclusion: 'success',
    remote: 'completed',
    status: 'completed',
  },
  {
    name: 'a connection reset on create (created once all the same)',
    arrange: (env) => env.emulator.faults.add({ kind: 'reset', count: 1, match: { method: 'POST', pathIncludes: '/api/v1/hosted-evaluations' } }),
    evidence: (env) => {
      const creates = env.emulator.requests.filter((request) => request.method === 'POST' && request.path === '/api/v1/hosted-evaluations');
      expect(creates.map((request) => request.status)).toEqual([0, 201]);
    },
    conclusion: 'success',
    remote: 'completed',
    status: 'completed',
  },
  {
    name: 'malformed JSON in 200 responses while polling',
    during: duringPolls((id) => ({ kind: 'malformed-json', count: 2, match: { method: 'GET', pathIncludes: id } })),
    evidence: (_env, run) => expect(run.stdout.match(/returned 200 with a body that is not JSON.*retrying in/g) ?? []).toHaveLength(2),
    conclusion: 'success',
    remote: 'completed',
    status: 'completed',
  },
  {
    name: 'a status that goes back and forth (running, queued, running) before completing',
    durationMs: 1500,
    ...backAndForth,
    conclusion: 'success',
    remote: 'completed',
    status: 'completed',
  },
  {
    name: 'an unknown status for a while',
    durationMs: 1500,
    ...unknown,
    conclusion: 'success',
    remote: 'completed',
    status: 'completed',
  },
  {
    name: 'prime: the job cancelled mid-run (SIGTERM)',
    durationMs: 60_000,
    during: cancelOnceInProgress,
    evidence: (_env, run) => expect(run.stdout).toMatch(/^::warning::The workflow was cancelled/m),
    conclusion: 'cancelled',
    remote: 'cancelled',
    status: 'cancelled',
  },
  {
    name: 'openai: the job cancelled mid-run (SIGTERM)',
    provider: 'openai',
    durationMs: 60_000,
    during: cancelOnceInProgress,
    evidence: (_env, run) => expect(run.stdout).toMatch(/^::warning::The workflow was cancelled/m),
    conclusion: 'cancelled',
    remote: 'cancelled',
    status: 'cancelled',
  },
  {
    name: 'nugen: the job cancelled mid-run (Nugen has no cancel: the evaluation is left running, and the check says so)',
    provider: 'nugen',
    durationMs: 60_000,
    during: cancelOnceInProgress,
    evidence: (env) => expect(env.github.checkRuns[0]?.output.summary).toContain('nugen has no cancel operation'),
    conclusion: 'cancelled',
    remote: ['queued', 'running'],
    status: 'cancelled',
  },
  {
    name: 'the job timing out (timeout-minutes 0.03)',
    durationMs: 60_000,
    inputs: { 'timeout-minutes': '0.03' },
    evidence: (_env, run) => expect(run.stdout).toMatch(/^::warning::No result within timeout-minutes/m),
    conclusion: 'timed_out',
    remote: 'cancelled',
    status: 'timed_out',
  },
  {
    name: "GitHub's API failing (5xx) while completing the check",
    arrange: (env) => env.github.addFault({ status: 502, count: 2, match: { method: 'PATCH', pathIncludes: '/check-runs/' } }),
    evidence: (env) => expect(gitHubStatusesOf(env, 502).map((request) => request.method)).toEqual(['PATCH', 'PATCH']),
    conclusion: 'success',
    remote: 'completed',
    status: 'completed',
  },
  {
    name: "GitHub's API rate limiting (429, Retry-After) while completing the check",
    arrange: (env) => env.github.addFault({ status: 429, count: 1, retryAfter: 1, match: { method: 'PATCH', pathIncludes: '/check-runs/' } }),
    evidence: (env) => expect(gitHubStatusesOf(env, 429).map((request) => request.method)).toEqual(['PATCH']),
    conclusion: 'success',
    remote: 'completed',
    status: 'completed',
  },
  {
    name: 'the evaluation failing at the provider',
    arrange: (env) => env.emulator.configure({ outcome: 'failed' }),
    evidence: (env) => expect(evaluationsOf(env, 'prime')[0]?.outcome).toBe('failed'),
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

/** Below the 30 s test timeout; the slowest row takes about 5 s. */
const WATCHDOG_MS = 20_000;

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
      whileRunning: async (child: ChildProcess) => {
        // A step that hangs is killed well before the test times out, so the assertions below show its log.
        const watchdog = setTimeout(() => killGroup(child, 'SIGKILL'), WATCHDOG_MS);
        child.once('exit', () => clearTimeout(watchdog));
        await scenario.during?.(env, child, provider);
      },
    });
    const log = run.stdout + run.stderr;
    scenario.evidence(env, run);

    // The check run ends completed with the honest conclusion, and was never completed before the end.
    expect(env.github.checkRuns, log).toHaveLength(1);
    const check = env.github.checkRuns[0]!;
    expect(check, log).toMatchObject({ status: 'completed', conclusion: scenario.conclusion });
    expect(
      check.history.slice(0, -1).every((state) => state.status !== 'completed'),
      log,
    ).toBe(true);
    expect(run.exitCode, log).toBe(scenario.conclusion === 'success' ? 0 : 1);
    expect(run.outputs.status, log).toBe(scenario.status);

    // One evaluation, none elsewhere; cancelled remotely exactly when the job stopped before it ended.
    const created = evaluationsOf(env, provider);
    expect(created, log).toHaveLength(1);
    expect([scenario.remote].flat(), log).toContain(normalizeStatus(provider, created[0]!.status));
    // The check points at that evaluation (OpenAI's evalgate id is <eval_id>/<run_id>).
    expect(check.external_id?.split('/').at(-1)).toBe(created[0]!.id);
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
