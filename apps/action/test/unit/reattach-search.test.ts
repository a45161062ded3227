// When the re-attach lookup lists the provider: only when the commit's check runs leave room for an evaluation
// that none of them points at (see providerSearchNeeded in src/github/check-run-lookups.ts).
import { configFingerprint } from '@evalgate/gate';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/run.js';
import { PR_CONTEXT, harness } from '../support/fakes.js';

const FIRST_ATTEMPT = { runAttempt: '1' };

function taggedFor(h: ReturnType<typeof harness>) {
  const { inputs } = h.deps;
  const fingerprint = configFingerprint({ provider: 'prime', baseUrl: inputs.baseUrl, settings: inputs.settings, dataSource: undefined, samples: undefined });
  return { evalgate: '1', evalgate_repo: 'acme/widgets', evalgate_sha: PR_CONTEXT.sha, evalgate_config: fingerprint };
}

describe('re-attach lookup: the provider is listed only when something may be found there', () => {
  it('not on a first attempt whose commit has no check run pointing at an evaluation', async () => {
    const h = harness('prime', {}, { context: FIRST_ATTEMPT });
    await h.github.createCheck({ name: 'lint', headSha: PR_CONTEXT.sha, externalId: '', startedAt: '', output: { title: '', summary: '' } });
    await run(h.deps);
    expect(h.client.count('list')).toBe(0);
    expect(h.client.count('create')).toBe(1);
  });

  it('on a first attempt when another check of the commit points at an evaluation (a matrix sibling)', async () => {
    const h = harness('prime', {}, { context: FIRST_ATTEMPT });
    const sibling = h.client.seed({ id: 'ev_sibling', status: 'running', metadata: taggedFor(h) });
    await h.github.createCheck({ name: 'evalgate (b)', headSha: PR_CONTEXT.sha, externalId: sibling.id, startedAt: '', output: { title: '', summary: '' } });
    await run(h.deps);
    expect(h.client.count('list')).toBe(1);
    expect(h.client.count('create')).toBe(0);
    expect(h.github.checks.find((check) => check.name === 'evalgate')!.externalId).toBe('ev_sibling');
  });

  it.each([
    ['a re-run', { runAttempt: '2' }],
    ['an unknown attempt', {}],
    ['a fork PR, whose token cannot post checks', { ...FIRST_ATTEMPT, isFork: true }],
  ])('on %s, even without any check run', async (_label, context) => {
    const h = harness('prime', {}, { context });
    h.client.seed({ id: 'ev_earlier', status: 'running', metadata: taggedFor(h) });
    await run(h.deps);
    expect(h.client.count('list')).toBe(1);
    expect(h.client.count('create')).toBe(0);
  });

  it('when the check runs cannot be read, or there is no token', async () => {
    const unreadable = harness('prime', {}, { context: FIRST_ATTEMPT });
    unreadable.github.failures.set('findChecks', [new Error('boom')]);
    await run(unreadable.deps);
    expect(unreadable.client.count('list')).toBe(1);

    const tokenless = harness('prime', {}, { context: FIRST_ATTEMPT, github: false });
    await run(tokenless.deps);
    expect(tokenless.client.count('list')).toBe(1);
  });

  it('when the commit has a full page of check runs, reading this name in a second request', async () => {
    const h = harness('prime', {}, { context: FIRST_ATTEMPT });
    for (let i = 0; i < 100; i++) {
      await h.github.createCheck({ name: `other ${i}`, headSha: PR_CONTEXT.sha, externalId: '', startedAt: '', output: { title: '', summary: '' } });
    }
    await run(h.deps);
    expect(h.client.count('list')).toBe(1);
  });
});
