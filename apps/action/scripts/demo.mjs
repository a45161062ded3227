// `npm run demo`: runs the shipped bundle (dist/index.js) exactly as a runner would, against the emulator and a
// local stand-in for the GitHub checks API, then prints what it posted. Everything stays on 127.0.0.1.
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

try {
  const files = {
    event: join(work, 'event.json'),
    output: join(work, 'github_output'),
    summary: join(work, 'step_summary.md'),
    state: join(work, 'github_state'),
    badge: join(demoOutput, 'evalgate.svg'),
  };
  await writeFile(
    files.event,
    JSON.stringify({
      action: 'synchronize',
      number: 7,
      pull_request: {
        number: 7,
        head: { sha: HEAD_SHA, ref: 'better-prompts', repo: { full_name: 'acme/widgets' } },
        base: { ref: 'main', repo: { full_name: 'acme/widgets' } },
      },
    }),
  );
  await Promise.all([files.output, files.summary, files.state].map((path) => writeFile(path, '')));

  const inputs = {
    provider: 'prime',
    'api-key': API_KEY,
    'base-url': emulator.baseUrls.prime,
    environments: 'gsm8k',
    'inference-model': 'meta-llama/llama-3.1-8b-instruct',
    'min-avg-score': '0.4',
    'min-min-score': '0',
    'poll-interval-seconds': '0.5',
    'timeout-minutes': '2',
    'badge-path': files.badge,
    'github-token': TOKEN,
  };
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'acme/widgets',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_SHA: '0000000000000000000000000000000000merge0',
    GITHUB_REF: 'refs/pull/7/merge',
    GITHUB_RUN_ID: '1001',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: github.url,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    GITHUB_WORKSPACE: demoOutput,
  };

  heading(`running dist/index.js (provider prime, emulator ${emulator.url}, GitHub stand-in ${github.url})`);
  const exitCode = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(actionDir, 'dist', 'index.js')], { env, cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
    const relay = (stream, target) =>
      stream.on('data', (chunk) => {
        // ::debug:: lines are hidden by a real runner unless step debugging is on.
        for (const line of chunk.toString().split('\n')) if (line.trim() !== '' && !line.startsWith('::debug::')) target.write(`  │ ${line}\n`);
      });
    relay(child.stdout, process.stdout);
    relay(child.stderr, process.stderr);
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });

  const check = github.checkRuns[0];
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
  for (const line of (await readFile(files.summary, 'utf8')).trimEnd().split('\n')) console.log(`  ${line}`);

  heading('outputs ($GITHUB_OUTPUT)');
  const outputs = await readFile(files.output, 'utf8');
  for (const match of outputs.matchAll(/^([\w-]+)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm)) {
    const value = match[3].length > 100 ? `${match[3].slice(0, 100)}…` : match[3];
    console.log(`  ${match[1].padEnd(14)} ${value}`);
  }

  heading('badge');
  console.log(`  ${files.badge}`);
  console.log(`  ${files.badge.replace(/\.svg$/, '.json')}: ${(await readFile(files.badge.replace(/\.svg$/, '.json'), 'utf8')).replace(/\s+/g, ' ')}`);

  const leaked = [...github.requests.map((request) => JSON.stringify(request)), outputs].some((text) => text.includes(API_KEY));
  heading('done');
  console.log(`  step exit code ${exitCode}; ${github.requests.length} GitHub requests; API key sent to GitHub: ${leaked ? 'YES (bug)' : 'no'}`);
  console.log(`  wall time ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (!check || check.status !== 'completed' || leaked) process.exitCode = 1;
} finally {
  await github.close();
  await emulator.close();
  await rm(work, { recursive: true, force: true });
}
