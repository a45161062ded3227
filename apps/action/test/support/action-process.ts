// Runs the shipped bundle the way a runner does: INPUT_* and GITHUB_* env, an event file, command files.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { e2eNode } from './e2e-node.js';

export const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
/** The runner's Node for the bundle (EVALGATE_E2E_NODE, checked against action.yml), resolved once. */
const ACTION_NODE = e2eNode();
export const HEAD_SHA = 'c0ffee0000000000000000000000000000000001';
export const MERGE_SHA = 'dead000000000000000000000000000000000002';
export const GITHUB_TOKEN = 'ghs_e2eToken_abcdef';

export interface PullRequestEvent {
  kind: 'pull_request';
  number?: number;
  headSha?: string;
  baseRef?: string;
  /** The PR's branch (default "feature"); a fork may name its branch like the base branch. */
  headRef?: string;
  fork?: boolean;
}
export interface PushEvent {
  kind: 'push';
  sha: string;
  branch: string;
  /** repository.default_branch in the payload, as GitHub sends it. */
  defaultBranch?: string;
}

export interface ActionRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** name → value as the runner would hand it to the post step. */
  state: Record<string, string>;
  /** Every file the run wrote, for secret scans. */
  files: Record<string, string>;
  workDir: string;
}

export interface RunOptions {
  inputs: Record<string, string>;
  event?: PullRequestEvent | PushEvent;
  githubApiUrl: string;
  entry?: 'index.js' | 'post.js';
  /** STATE_* for the post step. */
  state?: Record<string, string>;
  /** Called once the process runs, e.g. to signal it. */
  whileRunning?: (child: ChildProcess) => Promise<void>;
  /** Keep the working folder (e.g. to run the post step in it). */
  workDir?: string;
  /** GITHUB_RUN_ATTEMPT; unset by default, as when the runner's attempt is unknown. */
  runAttempt?: string;
}

/** Parses $GITHUB_OUTPUT / $GITHUB_STATE (`name<<delimiter\nvalue\ndelimiter`). */
export function parseCommandFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const match of text.matchAll(/^([^\n<]+)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm)) values[match[1]!] = match[3]!;
  return values;
}

function eventPayload(event: PullRequestEvent | PushEvent): unknown {
  if (event.kind === 'push') {
    return { ref: `refs/heads/${event.branch}`, after: event.sha, ...(event.defaultBranch ? { repository: { default_branch: event.defaultBranch } } : {}) };
  }
  return {
    number: event.number ?? 7,
    pull_request: {
      number: event.number ?? 7,
      head: { sha: event.headSha ?? HEAD_SHA, ref: event.headRef ?? 'feature', repo: { full_name: event.fork ? 'someone/widgets' : 'acme/widgets' } },
      base: { ref: event.baseRef ?? 'main', repo: { full_name: 'acme/widgets' } },
    },
  };
}

export async function runAction(options: RunOptions): Promise<ActionRun> {
  const workDir = options.workDir ?? (await mkdtemp(join(tmpdir(), 'evalgate-e2e-')));
  const event = options.event ?? { kind: 'pull_request' };
  const paths = {
    event: join(workDir, 'event.json'),
    output: join(workDir, `output-${options.entry ?? 'index.js'}`),
    summary: join(workDir, 'summary.md'),
    state: join(workDir, 'state'),
  };
  await writeFile(paths.event, JSON.stringify(eventPayload(event)));
  await writeFile(paths.output, '');
  await writeFile(paths.summary, '');
  if (!options.workDir) await writeFile(paths.state, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    ...Object.fromEntries(Object.entries(options.inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
    ...Object.fromEntries(Object.entries(options.state ?? {}).map(([name, value]) => [`STATE_${name}`, value])),
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'acme/widgets',
    GITHUB_EVENT_NAME: event.kind,
    GITHUB_EVENT_PATH: paths.event,
    GITHUB_SHA: event.kind === 'push' ? event.sha : MERGE_SHA,
    GITHUB_REF: event.kind === 'push' ? `refs/heads/${event.branch}` : 'refs/pull/7/merge',
    GITHUB_RUN_ID: '77',
    ...(options.runAttempt ? { GITHUB_RUN_ATTEMPT: options.runAttempt } : {}),
    GITHUB_API_URL: options.githubApiUrl,
    GITHUB_OUTPUT: paths.output,
    GITHUB_STEP_SUMMARY: paths.summary,
    GITHUB_STATE: paths.state,
  };
  // Own process group, so a test can signal it (and nothing is left behind if the test fails).
  const child = spawn(ACTION_NODE, [join(DIST, options.entry ?? 'index.js')], { env, cwd: workDir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('exit', (code, signal) => resolve([code, signal])));
  const guard = setTimeout(() => killGroup(child, 'SIGKILL'), 60_000);
  try {
    if (options.whileRunning) await options.whileRunning(child);
    const [exitCode, signal] = await exited;
    const files: Record<string, string> = {};
    for (const path of Object.values(paths)) files[path] = await readFile(path, 'utf8').catch(() => '');
    return {
      exitCode,
      signal,
      stdout,
      stderr,
      outputs: parseCommandFile(files[paths.output] ?? ''),
      summary: files[paths.summary] ?? '',
      state: parseCommandFile(files[paths.state] ?? ''),
      files,
      workDir,
    };
  } finally {
    clearTimeout(guard);
    killGroup(child, 'SIGKILL');
  }
}

export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

export async function removeWorkDir(run: ActionRun): Promise<void> {
  await rm(run.workDir, { recursive: true, force: true });
}

/** Polls `condition` on real time: for waiting on another process, never for asserting durations. */
export async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
