/** The built CLI (`dist/cli.js`, from `npm run build`) as another process would run it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
/** What `npx evalgate-emulator` runs at the repo root: npm's link to the bin, executed directly. */
const LINKED_BIN = fileURLToPath(new URL('../../../node_modules/.bin/evalgate-emulator', import.meta.url));

let child: ChildProcess | undefined;

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` in packages/emulator first`);
});

afterEach(() => {
  // Safety net: the CLI runs in its own process group; stop the whole group if a test left it running.
  if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL');
  child = undefined;
});

function startCli(args: string[], command: string[] = [process.execPath, CLI]): ChildProcess {
  const [file, ...leading] = command as [string, ...string[]];
  child = spawn(file, [...leading, ...args], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  return child;
}

function output(stream: NodeJS.ReadableStream | null): { text: () => string } {
  let text = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => (text += chunk));
  return { text: () => text };
}

const exited = (proc: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal })));

function listeningUrl(proc: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    proc.stdout?.setEncoding('utf8');
    proc.stdout?.on('data', (chunk: string) => {
      seen += chunk;
      const match = /evalgate emulator listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(seen);
      if (match?.[1]) resolve(match[1]);
    });
    proc.once('exit', (code) => reject(new Error(`CLI exited with ${code} before listening; stdout: ${seen}`)));
    proc.once('error', (error) => reject(new Error(`CLI could not start: ${error.message}`)));
  });
}

describe('evalgate-emulator CLI', () => {
  it('listens on the printed URL with the given key, and exits 0 on SIGTERM', async () => {
    const proc = startCli(['--port', '0', '--api-key', 'cli-key', '--duration-ms', '500']);
    const stderr = output(proc.stderr);
    const url = await listeningUrl(proc);
    const ok = await fetch(`${url}/v1/evals/eval_demo`, { headers: { authorization: 'Bearer cli-key' } });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { id: string }).id).toBe('eval_demo');
    expect((await fetch(`${url}/v1/evals/eval_demo`, { headers: { authorization: 'Bearer test-key' } })).status).toBe(401);
    const exit = exited(proc);
    process.kill(-proc.pid!, 'SIGTERM');
    expect(await exit).toEqual({ code: 0, signal: null });
    expect(stderr.text()).toBe('');
  });

  it('runs as `npx evalgate-emulator` runs it: the linked bin, executed without `node` in front', async () => {
    // npm links a workspace bin at install time, before dist/ exists, and skips one whose file is missing:
    // the committed bin/ launcher is what gets linked.
    const proc = startCli(['--port', '0', '--api-key', 'bin-key'], [LINKED_BIN]);
    const url = await listeningUrl(proc);
    expect((await fetch(`${url}/api/v1/evaluations/?limit=1`, { headers: { authorization: 'Bearer bin-key' } })).status).toBe(200);
    const exit = exited(proc);
    process.kill(-proc.pid!, 'SIGTERM');
    expect(await exit).toEqual({ code: 0, signal: null });
  });

  it('exits 0 on SIGINT too', async () => {
    const proc = startCli(['--port', '0']);
    await listeningUrl(proc);
    const exit = exited(proc);
    process.kill(-proc.pid!, 'SIGINT');
    expect(await exit).toEqual({ code: 0, signal: null });
  });

  it('refuses a bad option with exit code 2 naming it', async () => {
    const proc = startCli(['--port', 'eighty']);
    const stderr = output(proc.stderr);
    expect((await exited(proc)).code).toBe(2);
    expect(stderr.text()).toMatch(/--port/);
  });
});
