// issue 10: a re-run found its earlier evaluation only when the provider listed newest first. Here the provider lists
// oldest first, with 120 older evaluations (more than a page) before ours.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeWorkDir, runAction } from '../support/action-process.js';
import { startE2E, type E2E } from '../support/e2e-env.js';
import { startProviderProxy, type ProviderProxy } from '../support/provider-proxy.js';

interface PrimeList {
  evaluations: unknown[];
  total: number;
}

let env: E2E;
let proxy: ProviderProxy;
beforeEach(async () => {
  env = await startE2E();
  env.emulator.configure({ durationMs: 300 });
  env.emulator.seed('prime', 120);
  proxy = await startProviderProxy({
    target: env.emulator.url,
    // Prime's list, served oldest first: read the emulator's (newest-first) list whole, reverse it, page it.
    respond: (request, forward) => {
      const url = new URL(request.path, 'http://proxy');
      if (request.method !== 'GET' || !/^\/api\/v1\/evaluations\/?$/.test(url.pathname)) return undefined;
      return (async () => {
        const all: unknown[] = [];
        for (let skip = 0; ; skip += 100) {
          const page = (await forward(`/api/v1/evaluations?skip=${skip}&limit=100`)) as PrimeList;
          all.push(...page.evaluations);
          if (page.evaluations.length < 100) break;
        }
        const skip = Number(url.searchParams.get('skip') ?? 0);
        const limit = Number(url.searchParams.get('limit') ?? 50);
        return { evaluations: all.reverse().slice(skip, skip + limit), total: all.length, skip, limit };
      })();
    },
  });
});
afterEach(async () => {
  await proxy.close();
  await env.close();
});

describe('re-attach does not depend on list order', () => {
  it('prime, oldest first, 120 older evaluations: the re-run re-attaches instead of creating a second one', async () => {
    // No token: no check run to find it through, so only the provider's list can.
    const inputs = env.inputs('prime', { 'base-url': proxy.url, 'github-token': '' });
    const first = await runAction({ inputs, githubApiUrl: env.github.url });
    expect(first.exitCode, first.stdout).toBe(0);
    expect(env.emulator.evaluations('prime')).toHaveLength(121);
    const second = await runAction({ inputs, githubApiUrl: env.github.url });
    expect(second.exitCode, second.stdout).toBe(0);
    expect(second.stdout).toContain('Re-attaching to prime evaluation');
    expect(env.emulator.evaluations('prime')).toHaveLength(121);
    expect(second.outputs['evaluation-id']).toBe(first.outputs['evaluation-id']);
    // The list really was served oldest first, past its first page.
    const lists = proxy.seen.filter((request) => request.method === 'GET' && /\/api\/v1\/evaluations\/?\?/.test(request.path));
    expect(lists.some((request) => request.path.includes('skip=100'))).toBe(true);
    await removeWorkDir(first);
    await removeWorkDir(second);
  });
});
