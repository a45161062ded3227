// Hostile-input findings of the security review, each proved against the shipped bundle over loopback HTTP.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeWorkDir, runAction } from '../support/action-process.js';
import { startE2E, type E2E } from '../support/e2e-env.js';

let env: E2E;
beforeEach(async () => {
  env = await startE2E();
  env.emulator.configure({ scores: [0.2, 0.5, 0.9, 1] });
});
afterEach(async () => env.close());

async function listen(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; server: Server; hits: () => number }> {
  let hits = 0;
  const server = createServer((request, response) => {
    hits++;
    handler!(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, hits: () => hits };
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

describe('timeout-minutes bounds the whole step', () => {
  it('ends a step whose provider never answers as timed_out, not after minutes of per-request timeouts', { timeout: 90_000 }, async () => {
    const dead = await listen(() => undefined);
    try {
      const run = await runAction({ inputs: env.inputs('prime', { 'base-url': dead.url, 'timeout-minutes': '0.05' }), githubApiUrl: env.github.url });
      expect(run.signal, run.stdout).toBeNull();
      expect(run.exitCode, run.stdout).toBe(1);
      expect(run.outputs.status).toBe('timed_out');
      expect(run.stdout).toContain('No result within timeout-minutes (0.05 min)');
      expect(env.github.checkRuns.at(-1)).toMatchObject({ status: 'completed', conclusion: 'timed_out' });
      await removeWorkDir(run);
    } finally {
      await close(dead.server);
    }
  });

  it('ends a step whose provider answers 429 with Retry-After to everything as timed_out', { timeout: 90_000 }, async () => {
    const limited = await listen((_request, response) => {
      response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '30' });
      response.end(JSON.stringify({ detail: 'slow down' }));
    });
    try {
      const run = await runAction({ inputs: env.inputs('prime', { 'base-url': limited.url, 'timeout-minutes': '0.05' }), githubApiUrl: env.github.url });
      expect(run.signal, run.stdout).toBeNull();
      expect(run.outputs.status).toBe('timed_out');
      expect(env.github.checkRuns.at(-1)).toMatchObject({ conclusion: 'timed_out' });
      await removeWorkDir(run);
    } finally {
      await close(limited.server);
    }
  });
});

describe('baseline: base-branch trusts only the base repository', () => {
  it('never takes a fork PR from a branch named main as the baseline; takes a push to main', { timeout: 90_000 }, async () => {
    const inputs = env.inputs('prime', { baseline: 'base-branch', 'max-regression': '0.5', comment: 'off' });
    const fork = await runAction({
      inputs,
      event: { kind: 'pull_request', number: 3, fork: true, headRef: 'main', headSha: 'f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0' },
      githubApiUrl: env.github.url,
    });
    expect(fork.exitCode, fork.stdout).toBe(0);

    const judged = await runAction({
      inputs,
      event: { kind: 'pull_request', number: 4, headSha: 'a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0' },
      githubApiUrl: env.github.url,
    });
    expect(judged.exitCode, judged.stdout).toBe(0);
    expect(JSON.parse(judged.outputs['result-json']!).baseline ?? null).toBeNull();
    expect(judged.stdout).toContain('No baseline: no completed evaluation from this action was found for main');

    const push = await runAction({
      inputs,
      event: { kind: 'push', sha: 'b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0', branch: 'main' },
      githubApiUrl: env.github.url,
    });
    expect(push.exitCode, push.stdout).toBe(0);
    const later = await runAction({
      inputs,
      event: { kind: 'pull_request', number: 5, headSha: 'c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0' },
      githubApiUrl: env.github.url,
    });
    const baseline = JSON.parse(later.outputs['result-json']!).baseline as { evaluationId?: string } | undefined;
    expect(baseline?.evaluationId).toBe(push.outputs['evaluation-id']);
    expect(baseline?.evaluationId).not.toBe(later.outputs['evaluation-id']);
    for (const run of [fork, judged, push, later]) await removeWorkDir(run);
  });
});

describe('sticky comment', () => {
  it('leaves a comment that forges the hidden marker alone and posts its own', { timeout: 60_000 }, async () => {
    const forged = env.github.addComment(7, '<!-- evalgate -->\n<!-- evalgate:evalgate -->\nforged by a PR author\n<!-- /evalgate:evalgate -->', 'mallory');
    const original = forged.body;
    const run = await runAction({ inputs: env.inputs('prime'), githubApiUrl: env.github.url });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(env.github.comments.find((comment) => comment.id === forged.id)?.body).toBe(original);
    const ours = env.github.comments.filter((comment) => comment.user.login === 'github-actions[bot]');
    expect(ours).toHaveLength(1);
    expect(ours[0]!.body).toContain('<!-- evalgate:evalgate -->');
    expect(env.github.requests.some((request) => request.method === 'PATCH' && request.path.endsWith(`/comments/${forged.id}`))).toBe(false);
    await removeWorkDir(run);
  });
});

describe('badge-path stays in the workspace', () => {
  it('refuses ../ and symbolic links, naming badge-path, and writes nothing outside', { timeout: 90_000 }, async () => {
    const outside = await mkdtemp(join(tmpdir(), 'evalgate-outside-'));
    const workDir = await mkdtemp(join(tmpdir(), 'evalgate-ws-'));
    try {
      await writeFile(join(workDir, 'state'), '');
      const escaping = await runAction({
        inputs: env.inputs('prime', { 'badge-path': `../${join(outside).split('/').at(-1)}/escaped.svg`, comment: 'off' }),
        githubApiUrl: env.github.url,
        workDir,
      });
      expect(escaping.exitCode, escaping.stdout).toBe(0);
      expect(escaping.stdout).toMatch(/Could not write the badge \(badge-path\): .*outside the workspace/);

      await symlink(outside, join(workDir, 'badges'));
      await mkdir(join(workDir, 'real'));
      await symlink(join(outside, 'planted.svg'), join(workDir, 'real', 'linked.svg'));
      const throughDir = await runAction({
        inputs: env.inputs('prime', { 'badge-path': 'badges/eval.svg', comment: 'off' }),
        githubApiUrl: env.github.url,
        workDir,
      });
      expect(throughDir.stdout).toMatch(/Could not write the badge \(badge-path\): .*symbolic link/);
      const throughFile = await runAction({
        inputs: env.inputs('prime', { 'badge-path': 'real/linked.svg', comment: 'off' }),
        githubApiUrl: env.github.url,
        workDir,
      });
      expect(throughFile.stdout).toMatch(/Could not write the badge \(badge-path\): .*symbolic link/);

      expect(await readdir(outside)).toEqual([]);
    } finally {
      await rm(outside, { recursive: true, force: true });
      await rm(workDir, { recursive: true, force: true });
    }
  });
});

describe('base-url scheme', () => {
  it('refuses plain http to a non-loopback host before sending anything, naming the input and the opt-out', { timeout: 60_000 }, async () => {
    const run = await runAction({ inputs: env.inputs('prime', { 'base-url': 'http://evals.internal.example:8080' }), githubApiUrl: env.github.url });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('Input "base-url" uses plain http to evals.internal.example');
    expect(run.stdout).toContain('allow-insecure-http: true');
    await removeWorkDir(run);
  });
});

describe('fork pull request without secrets', () => {
  it('ends skipped with a clear warning instead of failing on a missing api-key', { timeout: 60_000 }, async () => {
    const run = await runAction({
      inputs: { ...env.inputs('prime'), 'api-key': '' },
      event: { kind: 'pull_request', fork: true },
      githubApiUrl: env.github.url,
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'skipped', gate: 'inconclusive', 'evaluation-id': '', 'total-samples': '0', 'avg-score': '' });
    expect(JSON.parse(run.outputs['result-json'] ?? '')).toMatchObject({ version: 1, status: 'skipped', gate: 'inconclusive', scores: null });
    expect(run.stdout).toMatch(/::warning::evalgate skipped: pull request #7 comes from a fork/);
    expect(run.stdout).not.toContain('api-key" is required');
    expect(run.summary).toContain('skipped (fork pull request)');
    expect(env.github.checkRuns).toHaveLength(0);
    await removeWorkDir(run);
  });

  it('still requires api-key on a pull request from the same repository', { timeout: 60_000 }, async () => {
    const run = await runAction({ inputs: { ...env.inputs('prime'), 'api-key': '' }, githubApiUrl: env.github.url });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('Input "api-key" is required');
    await removeWorkDir(run);
  });
});
