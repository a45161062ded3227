// The only place that touches the process: argv, env, streams, signals, git, the exit code.
import { execFileSync } from 'node:child_process';
import { hostname } from 'node:os';
import { runCli } from './program.js';

function gitHead(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export async function main(): Promise<void> {
  const interrupt = new AbortController();
  let interrupts = 0;
  const onSignal = (): void => {
    interrupts += 1;
    // A second Ctrl-C means "stop now", even if a cancel request is still in flight.
    if (interrupts > 1) process.exit(130);
    interrupt.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const code = await runCli(
    process.argv.slice(2),
    {
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
      cwd: process.cwd(),
      hostname: hostname(),
      interrupt: interrupt.signal,
      now: Date.now,
    },
    { gitSha: gitHead },
  );
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  process.exitCode = code;
  // Cancelled: exit now rather than wait for idle keep-alive sockets.
  if (interrupt.signal.aborted) process.exit(code);
}
