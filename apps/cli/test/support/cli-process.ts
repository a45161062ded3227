// Runs the built CLI (bin/evalgate.js -> dist/evalgate.js) as a child process, exactly as `npx evalgate` would.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CLI_BIN = fileURLToPath(new URL('../../bin/evalgate.js', import.meta.url));
const DIST = fileURLToPath(new URL('../../dist/evalgate.js', import.meta.url));

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface StartedCli {
  child: ChildProcess;
  /** Resolves once stderr contains `text`. */
  stderrIncludes(text: string): Promise<void>;
  done: Promise<CliRun>;
}

/** Only what a CI job would pass; nothing of this machine's environment leaks into a test. */
export function baseEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...extra };
}

export function startCli(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}): StartedCli {
  if (!existsSync(DIST)) throw new Error('apps/cli/dist/evalgate.js is missing: run `npm run build -w @evalgate/cli` first');
  const child = spawn(process.execPath, [CLI_BIN, ...args], {
    env: options.env ?? baseEnv(),
    cwd: options.cwd ?? process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: Array<{ text: string; resolve: () => void }> = [];
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const waiter of waiters.splice(0)) {
      if (stderr.includes(waiter.text)) waiter.resolve();
      else waiters.push(waiter);
    }
  });
  const done = new Promise<CliRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return {
    child,
    done,
    stderrIncludes: (text) =>
      new Promise<void>((resolve, reject) => {
        if (stderr.includes(text)) return resolve();
        waiters.push({ text, resolve });
        void done.then((run) => reject(new Error(`the CLI exited (${run.code}) before printing ${JSON.stringify(text)}:\n${run.stderr}`)));
      }),
  };
}

export function runCli(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}): Promise<CliRun> {
  return startCli(args, options).done;
}
