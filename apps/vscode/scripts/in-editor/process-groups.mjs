// Child processes started in their own process group, and a registry that stops every group it
// started: code-server forks watchers and extension hosts, so killing one pid leaves orphans.
import { spawn } from 'node:child_process';

const groups = new Set();

/** Spawns `command` as the leader of a new process group and remembers the group for `stopAllGroups`. */
export function spawnGroup(command, args, options = {}) {
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid !== undefined) groups.add(child.pid);
  return child;
}

/** Sends `signal` to the whole group led by `pid`; true when the group still existed. */
function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

function groupAlive(pid) {
  return signalGroup(pid, 0);
}

/** SIGTERM, then SIGKILL after `graceMs` for whatever is left of the group. */
export async function stopGroup(pid, graceMs = 3000) {
  if (!signalGroup(pid, 'SIGTERM')) {
    groups.delete(pid);
    return;
  }
  const deadline = Date.now() + graceMs;
  while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (groupAlive(pid)) signalGroup(pid, 'SIGKILL');
  groups.delete(pid);
}

export async function stopAllGroups() {
  await Promise.all([...groups].map((pid) => stopGroup(pid)));
}

/** Synchronous last resort for `process.on('exit')`, where no promise can settle. */
export function killAllGroupsNow() {
  for (const pid of groups) signalGroup(pid, 'SIGKILL');
  groups.clear();
}

/** Runs a command to completion in its own group; resolves with its exit code and output (also streamed to `onOutput`). */
export function runGroup(command, args, { onOutput, ...options } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawnGroup(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (d) => {
      output += d;
      onOutput?.(String(d));
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      groups.delete(child.pid);
      resolve({ code: code ?? (signal ? 128 : 1), output });
    });
  });
}
