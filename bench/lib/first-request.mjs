// Cold start of an Action bundle: spawn `node <entry>` as a runner would, and time until a local server sees its
// first HTTP request (GitHub API and provider URLs both point at that server). The process group is then killed.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';

const PR_EVENT = {
  action: 'synchronize',
  number: 7,
  pull_request: {
    number: 7,
    head: { sha: 'c0ffee0000000000000000000000000000000001', ref: 'feature', repo: { full_name: 'acme/widgets' } },
    base: { ref: 'main', repo: { full_name: 'acme/widgets' } },
  },
};

/**
 * One cold start of `entry` under the `node` binary. `inputs(url)` gives the INPUT_* values given the catcher's URL.
 * Returns ms and the first request.
 */
export async function coldStartToFirstRequest(entry, inputs, node = process.execPath) {
  const work = await mkdtemp(join(os.tmpdir(), 'evalgate-bench-cold-'));
  let spawnedAt = 0n;
  let resolveFirst;
  const first = new Promise((resolve) => (resolveFirst = resolve));
  const server = createServer((request, response) => {
    resolveFirst({ at: process.hrtime.bigint(), method: request.method, path: request.url });
    response.writeHead(503, { 'content-type': 'application/json' });
    response.end('{"message":"benchmark: first request seen"}');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  const files = { event: join(work, 'event.json'), output: join(work, 'output'), summary: join(work, 'summary'), state: join(work, 'state') };
  await writeFile(files.event, JSON.stringify(PR_EVENT));
  await Promise.all([files.output, files.summary, files.state].map((path) => writeFile(path, '')));
  const env = {
    PATH: process.env.PATH,
    ...Object.fromEntries(Object.entries(inputs(url)).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'acme/widgets',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_SHA: 'dead000000000000000000000000000000000002',
    GITHUB_REF: 'refs/pull/7/merge',
    GITHUB_RUN_ID: '1',
    GITHUB_API_URL: url,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
  };
  let child;
  try {
    spawnedAt = process.hrtime.bigint();
    child = spawn(node, [entry], { env, cwd: work, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 30_000));
    const result = await Promise.race([first, exited.then((code) => ({ exitedEarly: code })), timeout]);
    if (result === 'timeout') throw new Error(`${entry} made no request within 30 s`);
    if ('exitedEarly' in result) throw new Error(`${entry} exited (${result.exitedEarly}) before any request: ${stderr.slice(-1000)}`);
    return { ms: Number(result.at - spawnedAt) / 1e6, method: result.method, path: result.path };
  } finally {
    if (child?.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await rm(work, { recursive: true, force: true });
  }
}
