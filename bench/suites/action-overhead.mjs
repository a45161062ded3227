// Action overhead: virtual seconds from the emulator marking an evaluation terminal to the check run's completing
// PATCH reaching the GitHub stand-in, and provider requests per evaluation, for 5 s, 60 s and 10 min evaluations.
// run() is wired in-process as main() wires it (core client, Octokit port with retries), but on a shared virtual
// clock; the reference is a naive loop that gets every 5 s until terminal, then completes its check, on that clock.
import { getOctokit } from '@actions/github';
import { createClient, isTerminal, normalizeStatus } from '@evalgate/core';
import { startEmulator } from '@evalgate/emulator';
import { startGitHubStandIn } from '@evalgate/github-stand-in';
import { bundleExports } from '../lib/bundle-logic.mjs';
import { createVirtualClock } from '../lib/virtual-clock.mjs';

const API_KEY = 'bench-provider-key';
const TOKEN = 'ghs_benchToken';
const HEAD_SHA = 'c0ffee0000000000000000000000000000000001';
const NAIVE_INTERVAL_MS = 5_000;
/** Each duration is run at these extra seconds, midpoints of a 10 s cycle, so no poll interval lines up by luck. */
const PHASES_S = Array.from({ length: 10 }, (_, k) => k + 0.5);
const DURATIONS = [
  { label: '5 s', ms: 5_000 },
  { label: '60 s', ms: 60_000 },
  { label: '10 min', ms: 600_000 },
];
const silent = { info() {}, warning() {}, error() {}, debug() {} };

/** Stamps each request the stand-in records with the virtual time it arrived (the stand-in has no clock of its own). */
function stampRequests(standIn, clock) {
  const push = standIn.requests.push.bind(standIn.requests);
  standIn.requests.push = (...records) => {
    for (const record of records) {
      record.at ??= clock.now();
      record.realAtMs = performance.now();
    }
    return push(...records);
  };
}

async function environment(action, durationMs) {
  const clock = createVirtualClock();
  const emu = await startEmulator({ apiKey: API_KEY, durationMs, sampleCount: 20, seed: 1, now: clock.now });
  const github = await startGitHubStandIn({ token: TOKEN });
  stampRequests(github, clock);
  const sent = [];
  const fetch = clock.trackFetch(globalThis.fetch, sent);
  const close = async () => {
    await github.close();
    await emu.close();
  };
  return { clock, emu, github, fetch, sent, close };
}

function completingPatch(github) {
  return github.requests.find((request) => request.method === 'PATCH' && /\/check-runs\/\d+$/.test(request.path) && request.body?.status === 'completed');
}

function measured(env, label) {
  const [evaluation, ...extra] = env.emu.evaluations('prime');
  if (!evaluation || extra.length > 0) throw new Error(`${label}: expected one evaluation, found ${extra.length + (evaluation ? 1 : 0)}`);
  const patch = completingPatch(env.github);
  if (evaluation.terminalAt === null || !patch) throw new Error(`${label}: the evaluation did not finish or the check was not completed`);
  // The first poll that could see the terminal status, by virtual time; from it to the PATCH is the action's own work.
  const terminalPoll = env.sent.find(
    (request) => request.method === 'GET' && request.url.endsWith(`/api/v1/evaluations/${evaluation.id}`) && request.virtualAt >= evaluation.terminalAt,
  );
  if (!terminalPoll) throw new Error(`${label}: no poll saw the terminal status`);
  return {
    overheadSeconds: (patch.at - evaluation.terminalAt) / 1000,
    tailRealMs: patch.realAtMs - terminalPoll.realStartMs,
    providerRequests: env.emu.requests.length,
    githubRequests: env.github.requests.length,
  };
}

/** evalgate: run() with the inputs a workflow would give, wired like main() but on the virtual clock. */
async function evalgateRun(action, durationMs, pollIntervalSeconds) {
  const env = await environment(action, durationMs);
  try {
    const { clock, emu, github, fetch } = env;
    const inputs = action.parseInputs({
      provider: 'prime',
      'api-key': API_KEY,
      'base-url': emu.baseUrls.prime,
      environments: 'gsm8k',
      'inference-model': 'llama-3-8b',
      'min-avg-score': '0',
      'poll-interval-seconds': String(pollIntervalSeconds),
      'timeout-minutes': '30',
      'github-token': TOKEN,
    });
    const context = action.contextFromEvent({
      eventName: 'pull_request',
      repository: 'acme/widgets',
      // As on a runner, which always sets GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT: a first attempt.
      runId: '1',
      runAttempt: '1',
      payload: { number: 7, pull_request: { number: 7, head: { sha: HEAD_SHA, ref: 'feature' }, base: { ref: 'main' } } },
    });
    const octokit = getOctokit(TOKEN, { baseUrl: github.url, request: { fetch } });
    const client = createClient({ provider: 'prime', apiKey: API_KEY, baseUrl: emu.baseUrls.prime, maxRetries: 8, fetch, now: clock.now, sleep: clock.sleep });
    const outputs = {};
    const outcome = await clock.drive(
      action.run({
        inputs,
        context,
        client,
        // As main() builds it: an installation token skips the GET /user it would be refused.
        github: action.withRetries(new action.OctokitPort(octokit, context.owner, context.repo, TOKEN.startsWith('ghs_')), { clock, logger: silent }),
        logger: silent,
        clock,
        sink: { setOutput: (name, value) => (outputs[name] = value), appendSummary: async () => {}, saveState: () => {} },
        files: { read: async () => '', write: async () => {} },
        signal: new AbortController().signal,
        redact: (text) => text,
      }),
    );
    if (outcome.conclusion !== 'success') throw new Error(`evalgate run ended ${outcome.conclusion}: ${outcome.message}`);
    return measured(env, 'evalgate');
  } finally {
    await env.close();
  }
}

/** The reference: create, open a check, get every 5 s until terminal, complete the check. Nothing else. */
async function naiveRun(action, durationMs) {
  const env = await environment(action, durationMs);
  try {
    const { clock, emu, github, fetch } = env;
    const provider = { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' };
    const gh = { authorization: `token ${TOKEN}`, 'content-type': 'application/json' };
    const loop = async () => {
      const created = await (
        await fetch(`${emu.url}/api/v1/hosted-evaluations`, {
          method: 'POST',
          headers: provider,
          body: JSON.stringify({
            name: 'naive',
            environment_ids: ['gsm8k'],
            inference_model: 'llama-3-8b',
            eval_config: { num_examples: 5, rollouts_per_example: 3, timeout_minutes: 120 },
          }),
        })
      ).json();
      const check = await (
        await fetch(`${github.url}/repos/acme/widgets/check-runs`, {
          method: 'POST',
          headers: gh,
          body: JSON.stringify({ name: 'naive', head_sha: HEAD_SHA, status: 'in_progress' }),
        })
      ).json();
      for (;;) {
        const evaluation = await (await fetch(`${emu.url}/api/v1/evaluations/${created.evaluation_id}`, { headers: provider })).json();
        if (isTerminal(normalizeStatus('prime', evaluation.status))) break;
        await clock.sleep(NAIVE_INTERVAL_MS);
      }
      await fetch(`${github.url}/repos/acme/widgets/check-runs/${check.id}`, {
        method: 'PATCH',
        headers: gh,
        body: JSON.stringify({ status: 'completed', conclusion: 'success' }),
      });
    };
    await clock.drive(loop());
    return measured(env, 'naive');
  } finally {
    await env.close();
  }
}

export async function runActionOverheadBenchmarks(log) {
  const action = await import(
    await bundleExports('action', {
      'run, parseInputs, contextFromEvent, OctokitPort, withRetries': '@evalgate/action/internals',
    })
  );
  const mean = (runs, key) => runs.reduce((sum, run) => sum + run[key], 0) / runs.length;
  const phased = async (durationMs, once) => {
    const runs = [];
    for (const phase of PHASES_S) runs.push(await once(durationMs + phase * 1000));
    return Object.fromEntries(Object.keys(runs[0]).map((key) => [key, mean(runs, key)]));
  };
  const rows = [];
  const notes = [];
  const reference = 'naive fixed 5 s poll';
  const tails = { evalgate: [], naive: [] };
  for (const { label, ms } of DURATIONS) {
    log(`action overhead: ${label} evaluations, ${PHASES_S.length} phases (virtual clock)`);
    const atFive = await phased(ms, (durationMs) => evalgateRun(action, durationMs, 5));
    const atDefault = await phased(ms, (durationMs) => evalgateRun(action, durationMs, 10));
    const naive = await phased(ms, (durationMs) => naiveRun(action, durationMs));
    tails.evalgate.push(atFive.tailRealMs, atDefault.tailRealMs);
    tails.naive.push(naive.tailRealMs);
    rows.push(
      {
        id: `action.overhead.${ms}`,
        figure: `action overhead, ${label} evaluation: terminal → check completed (poll 5 s)`,
        evalgate: atFive.overheadSeconds,
        reference: naive.overheadSeconds,
        referenceLabel: reference,
        unit: 's',
      },
      {
        id: `action.overhead.default.${ms}`,
        figure: `action overhead, ${label} evaluation (default poll-interval-seconds 10)`,
        evalgate: atDefault.overheadSeconds,
        reference: naive.overheadSeconds,
        referenceLabel: reference,
        unit: 's',
      },
      {
        id: `action.requests.${ms}`,
        figure: `provider API requests per evaluation, ${label} (poll 5 s)`,
        evalgate: atFive.providerRequests,
        reference: naive.providerRequests,
        referenceLabel: reference,
        unit: 'requests',
      },
      {
        id: `action.requests.default.${ms}`,
        figure: `provider API requests per evaluation, ${label} (default poll-interval-seconds 10)`,
        evalgate: atDefault.providerRequests,
        reference: naive.providerRequests,
        referenceLabel: reference,
        unit: 'requests',
      },
      // The naive loop posts no progress at all (create + complete): its figure is the floor, not a target.
      {
        id: `action.github.${ms}`,
        figure: `GitHub API requests per gate, ${label} (default poll; budget 15)`,
        evalgate: atDefault.githubRequests,
        reference: naive.githubRequests,
        referenceLabel: 'naive loop without progress updates',
        unit: 'requests',
      },
    );
    notes.push(
      `${label} evaluations: at the default poll-interval-seconds 10 evalgate made ${atDefault.providerRequests.toFixed(1)} provider requests; ` +
        `GitHub requests: ${atFive.githubRequests.toFixed(1)} (poll 5 s), ${atDefault.githubRequests.toFixed(1)} (default), naive loop ${naive.githubRequests.toFixed(1)} (it posts no progress).`,
    );
  }
  rows.push({
    id: 'action.tail.real',
    figure: 'action work from the terminal poll to the completing PATCH, real time',
    evalgate: tails.evalgate.reduce((a, b) => a + b, 0) / tails.evalgate.length,
    reference: tails.naive.reduce((a, b) => a + b, 0) / tails.naive.length,
    referenceLabel: reference,
    unit: 'ms',
  });
  return { rows, notes };
}
