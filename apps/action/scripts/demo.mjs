// `npm run demo`: runs the shipped bundle (dist/index.js) exactly as a runner would, against the emulator and a
// local stand-in for the GitHub API: three pushes to main (the baselines, and the badge committed to a branch), then
// a pull request, and prints what it posted. Everything stays on 127.0.0.1.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '@evalgate/emulator';
import { startGitHubStandIn } from '@evalgate/github-stand-in';

const actionDir = fileURLToPath(new URL('..', import.meta.url));
const API_KEY = 'demo-provider-key-7f3a';
const TOKEN = 'ghs_demoToken123';
const HEAD_SHA = '5e1f0c2d9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d';
const PUSH_SHAS = ['1a2b3c4d5e6f708192a3b4c5d6e7f80910a1b2c3', '2b3c4d5e6f708192a3b4c5d6e7f80910a1b2c3d4', '3c4d5e6f708192a3b4c5d6e7f80910a1b2c3d4e5'];

const bold = (text) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);
const heading = (text) => console.log(`\n${bold(`── ${text} `.padEnd(72, '─'))}`);

const started = Date.now();
const emulator = await startEmulator({ port: 0, apiKey: API_KEY, seed: 7, durationMs: 4000, sampleCount: 40 });
const github = await startGitHubStandIn({ token: TOKEN });
const work = await mkdtemp(join(tmpdir(), 'evalgate-demo-'));
// The badge goes here (not committed) and stays after the demo so it can be opened. It is the step's workspace: the
// action writes files only inside GITHUB_WORKSPACE.
const demoOutput = join(actionDir, 'demo-output');
await mkdir(demoOutput, { recursive: true });

/** Runs dist/index.js once, as a runner would for `event`; returns its exit code, outputs and job summary. */
async function runStep({ eventName, payload, sha, ref, inputs, relay }) {
  const step = await mkdtemp(join(work, 'step-'));
  const files = {
    event: join(step, 'event.json'),
    output: join(step, 'github_output'),
    summary: join(step, 'step_summary.md'),
    state: join(step, 'github_state'),
  };
  await writeFile(files.event, JSON.stringify(payload));
  await Promise.all([files.output, files.summary, files.state].map((path) => writeFile(path, '')));
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'acme/widgets',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_SHA: sha,
    GITHUB_REF: ref,
    GITHUB_RUN_ID: '1001',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: github.url,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    GITHUB_WORKSPACE: demoOutput,
  };
  const exitCode = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(actionDir, 'dist', 'index.js')], { env, cwd: step, stdio: ['ignore', 'pipe', 'pipe'] });
    const forward = (stream, target) =>
      stream.on('data', (chunk) => {
        // ::debug:: lines are hidden by a real runner unless step debugging is on.
        for (const line of chunk.toString().split('\n')) if (relay && line.trim() !== '' && !line.startsWith('::debug::')) target.write(`  │ ${line}\n`);
      });
    forward(child.stdout, process.stdout);
    forward(child.stderr, process.stderr);
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });
  const outputText = await readFile(files.output, 'utf8');
  const outputs = Object.fromEntries([...outputText.matchAll(/^([\w-]+)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm)].map((match) => [match[1], match[3]]));
  return { exitCode, outputs, outputText, summary: await readFile(files.summary, 'utf8') };
}

try {
  const badge = join(demoOutput, 'evalgate.svg');
  const inputs = {
    provider: 'prime',
    'api-key': API_KEY,
    'base-url': emulator.baseUrls.prime,
    environments: 'gsm8k',
    'inference-model': 'meta-llama/llama-3.1-8b-instruct',
    'min-avg-score': '0.4',
    'min-min-score': '0',
    baseline: 'base-branch',
    'poll-interval-seconds': '0.5',
    'timeout-minutes': '2',
    'badge-path': badge,
    'badge-branch': 'badges',
    'github-token': TOKEN,
  };

  // Earlier pushes to main: each is a trusted evaluation of the base branch (the PR's baseline and trend) and commits
  // the badge to the badges branch.
  heading(`pushes to main: dist/index.js three times (emulator ${emulator.url}, GitHub stand-in ${github.url})`);
  emulator.configure({ durationMs: 600 });
  for (const [index, pushSha] of PUSH_SHAS.entries()) {
    const push = await runStep({
      eventName: 'push',
      payload: { ref: 'refs/heads/main', after: pushSha, repository: { default_branch: 'main' } },
      sha: pushSha,
      ref: 'refs/heads/main',
      inputs: { ...inputs, 'poll-interval-seconds': '0.2' },
      relay: false,
    });
    const head = github.git.refs.get('refs/heads/badges');
    console.log(
      `  ${index + 1}. push ${pushSha.slice(0, 7)}: exit ${push.exitCode}, ${push.outputs.gate}, avg ${push.outputs['avg-score']}; badges branch at ${head?.slice(0, 7) ?? '(none)'}`,
    );
  }
  emulator.configure({ durationMs: 4000 });

  heading('pull request #7: dist/index.js (provider prime, baseline: base-branch)');
  const checksBefore = github.checkRuns.length;
  const pr = await runStep({
    eventName: 'pull_request',
    payload: {
      action: 'synchronize',
      number: 7,
      pull_request: {
        number: 7,
        head: { sha: HEAD_SHA, ref: 'better-prompts', repo: { full_name: 'acme/widgets' } },
        base: { ref: 'main', repo: { full_name: 'acme/widgets' } },
      },
      repository: { default_branch: 'main' },
    },
    sha: '0000000000000000000000000000000000merge0',
    ref: 'refs/pull/7/merge',
    inputs,
    relay: true,
  });
  const exitCode = pr.exitCode;

  const check = github.checkRuns.slice(checksBefore).find((candidate) => candidate.head_sha === HEAD_SHA);
  heading('check run posted to the GitHub stand-in');
  if (!check) {
    console.log('  (none)');
  } else {
    console.log(`  name: ${check.name}   head_sha: ${check.head_sha}   external_id: ${check.external_id}`);
    console.log(`  details_url: ${check.details_url}`);
    for (const [index, state] of check.history.entries()) {
      console.log(`  ${index + 1}. ${state.status}${state.conclusion ? ` → ${state.conclusion}` : ''}: ${state.title}`);
    }
    console.log(`\n  final conclusion: ${bold(String(check.conclusion))}`);
    console.log(`  final title:      ${bold(String(check.output.title))}`);
    console.log('  final summary:');
    for (const line of String(check.output.summary).split('\n')) console.log(`    ${line}`);
  }

  heading('job summary ($GITHUB_STEP_SUMMARY)');
  for (const line of pr.summary.trimEnd().split('\n')) console.log(`  ${line}`);

  heading('outputs ($GITHUB_OUTPUT)');
  for (const [name, value] of Object.entries(pr.outputs)) console.log(`  ${name.padEnd(14)} ${value.length > 100 ? `${value.slice(0, 100)}…` : value}`);

  heading('badge');
  console.log(`  ${badge}`);
  console.log(`  ${badge.replace(/\.svg$/, '.json')}: ${(await readFile(badge.replace(/\.svg$/, '.json'), 'utf8')).replace(/\s+/g, ' ')}`);
  const head = github.git.refs.get('refs/heads/badges');
  if (head) {
    console.log(`  badges branch (committed by the pushes; the pull request leaves it alone):`);
    for (let sha = head; sha; sha = github.git.commits.get(sha)?.parents[0]) {
      const commit = github.git.commits.get(sha);
      console.log(`    ${sha.slice(0, 7)} ${commit.message}  [${Object.keys(github.git.filesAt(sha)).join(', ')}]`);
    }
  }

  const leaked = [...github.requests.map((request) => JSON.stringify(request)), pr.outputText].some((text) => text.includes(API_KEY));
  heading('done');
  console.log(`  step exit code ${exitCode}; ${github.requests.length} GitHub requests; API key sent to GitHub: ${leaked ? 'YES (bug)' : 'no'}`);
  console.log(`  wall time ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (!check || check.status !== 'completed' || leaked) process.exitCode = 1;
} finally {
  await github.close();
  await emulator.close();
  await rm(work, { recursive: true, force: true });
}
