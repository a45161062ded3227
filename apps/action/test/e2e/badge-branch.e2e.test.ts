import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeWorkDir, runAction } from '../support/action-process.js';
import { startE2E, type E2E } from '../support/e2e-env.js';

let env: E2E;
beforeEach(async () => {
  env = await startE2E();
});
afterEach(async () => env.close());

const PUSH_1 = 'a11ce00000000000000000000000000000000001';
const PUSH_2 = 'a11ce00000000000000000000000000000000002';

describe('badge-branch: dist/index.js commits the badge to a branch of the GitHub stand-in', () => {
  it('on pushes to the default branch: creates the branch, then commits each change on top, and prints the README Markdown', async () => {
    const inputs = env.inputs('prime', { 'badge-branch': 'badges', 'check-name': 'Nightly eval', 'min-avg-score': '0.5' });
    env.emulator.configure({ scores: [0.6, 0.8] });
    const first = await runAction({ inputs, event: { kind: 'push', sha: PUSH_1, branch: 'main', defaultBranch: 'main' }, githubApiUrl: env.github.url });
    expect(first.exitCode, first.stdout + first.stderr).toBe(0);
    const created = env.github.git.commits.get(env.github.git.refs.get('refs/heads/badges')!)!;
    expect(created.parents).toEqual([]);
    expect(created.message).toBe(`Nightly eval badge: pass at ${PUSH_1.slice(0, 12)} [skip ci]`);
    const files = env.github.git.filesAt(created.sha);
    expect(Object.keys(files).sort()).toEqual(['nightly-eval.json', 'nightly-eval.svg']);
    expect(JSON.parse(files['nightly-eval.json']!)).toEqual({ schemaVersion: 1, label: 'Nightly eval', message: 'pass · avg 0.70', color: 'brightgreen' });
    expect(files['nightly-eval.svg']).toMatch(/^<svg[\s\S]*pass · avg 0.70/);
    expect(first.stdout).toContain('Paste into a README:');
    expect(first.summary).toContain('![Nightly eval](https://github.com/acme/widgets/raw/badges/nightly-eval.svg)');
    await removeWorkDir(first);

    env.emulator.configure({ scores: [0.1, 0.3] });
    const second = await runAction({ inputs, event: { kind: 'push', sha: PUSH_2, branch: 'main', defaultBranch: 'main' }, githubApiUrl: env.github.url });
    expect(second.exitCode, second.stdout).toBe(1);
    const updated = env.github.git.commits.get(env.github.git.refs.get('refs/heads/badges')!)!;
    expect(updated.parents).toEqual([created.sha]);
    expect(JSON.parse(env.github.git.filesAt(updated.sha)['nightly-eval.json']!)).toMatchObject({ message: 'fail · avg 0.20', color: 'red' });
    await removeWorkDir(second);
  });

  it('leaves the branch alone on a pull request and says why', async () => {
    const run = await runAction({ inputs: env.inputs('prime', { 'badge-branch': 'badges' }), githubApiUrl: env.github.url });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(env.github.requests.filter((request) => request.path.includes('/git/'))).toEqual([]);
    expect(run.stdout).toContain('The badge was not committed to badges (badge-branch): only a push');
    await removeWorkDir(run);
  });
});
