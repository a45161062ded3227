import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGitHubStandIn, type GitHubStandIn } from '../src/index.js';

let github: GitHubStandIn;
beforeEach(async () => {
  github = await startGitHubStandIn({ token: 'ghs_test' });
});
afterEach(async () => {
  await github.close();
});

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${github.url}/repos/acme/widgets/git/${path}`, {
    method,
    headers: { authorization: 'token ghs_test', 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function commitFiles(files: Record<string, string>, parents: string[], baseTree?: string): Promise<string> {
  const tree = await call('POST', 'trees', {
    ...(baseTree ? { base_tree: baseTree } : {}),
    tree: Object.entries(files).map(([path, content]) => ({ path, mode: '100644', type: 'blob', content })),
  });
  expect(tree.status).toBe(201);
  const commit = await call('POST', 'commits', { message: `write ${Object.keys(files).join(', ')}`, tree: tree.body.sha, parents });
  expect(commit.status).toBe(201);
  return commit.body.sha as string;
}

describe('git data API', () => {
  it('creates a branch from an orphan commit, reads it back and advances it by a fast-forward', async () => {
    expect((await call('GET', 'ref/heads%2Fbadges')).status).toBe(404);
    const first = await commitFiles({ 'a.svg': '<svg/>' }, []);
    const created = await call('POST', 'refs', { ref: 'refs/heads/badges', sha: first });
    expect(created).toMatchObject({ status: 201, body: { ref: 'refs/heads/badges', object: { sha: first, type: 'commit' } } });

    const read = await call('GET', 'commits/' + first);
    expect(read.body).toMatchObject({ sha: first, message: 'write a.svg', parents: [] });
    const baseTree = (read.body.tree as { sha: string }).sha;
    const second = await commitFiles({ 'b.json': '{}' }, [first], baseTree);
    expect((await call('PATCH', 'refs/heads%2Fbadges', { sha: second, force: false })).status).toBe(200);
    expect((await call('GET', 'ref/heads/badges')).body).toMatchObject({ object: { sha: second } });
    expect(github.git.filesAt(second)).toEqual({ 'a.svg': '<svg/>', 'b.json': '{}' });
  });

  it('refuses an update that is not a fast-forward unless forced, and a branch that exists already', async () => {
    const root = await commitFiles({ 'a.svg': '1' }, []);
    await call('POST', 'refs', { ref: 'refs/heads/badges', sha: root });
    const ahead = await commitFiles({ 'a.svg': '2' }, [root]);
    const sibling = await commitFiles({ 'a.svg': '3' }, [root]);
    expect((await call('PATCH', 'refs/heads/badges', { sha: ahead })).status).toBe(200);
    expect(await call('PATCH', 'refs/heads/badges', { sha: sibling })).toEqual({ status: 422, body: { message: 'Update is not a fast forward' } });
    expect((await call('PATCH', 'refs/heads/badges', { sha: sibling, force: true })).status).toBe(200);
    expect(await call('POST', 'refs', { ref: 'refs/heads/badges', sha: root })).toEqual({ status: 422, body: { message: 'Reference already exists' } });
  });

  it('gives blobs the SHA git gives them and serves them base64-encoded', async () => {
    const blob = await call('POST', 'blobs', { content: 'hello\n', encoding: 'utf-8' });
    // `printf 'hello\n' | git hash-object --stdin`
    expect(blob).toMatchObject({ status: 201, body: { sha: 'ce013625030ba8dba906f756967f9e9ca394464a' } });
    const read = await call('GET', 'blobs/ce013625030ba8dba906f756967f9e9ca394464a');
    expect(read.body).toMatchObject({ encoding: 'base64', content: Buffer.from('hello\n').toString('base64'), size: 6 });
    const tree = await call('POST', 'trees', { tree: [{ path: 'hello.txt', mode: '100644', type: 'blob', sha: blob.body.sha }] });
    expect((tree.body.tree as Array<{ path: string; sha: string }>)[0]).toMatchObject({ path: 'hello.txt', sha: blob.body.sha });
  });

  it('answers unknown objects and malformed requests as GitHub does, and says what it does not model', async () => {
    expect((await call('GET', `commits/${'0'.repeat(40)}`)).status).toBe(404);
    expect((await call('POST', 'commits', { message: 'x', tree: '0'.repeat(40), parents: [] })).status).toBe(422);
    expect((await call('POST', 'trees', { tree: [{ path: 'a', mode: '100644', content: 'x', sha: 'y' }] })).status).toBe(422);
    expect((await call('POST', 'trees', { tree: [{ path: 'dir/a', mode: '100644', content: 'x' }] })).body.message).toMatch(/nested paths are not modelled/);
    expect((await call('PATCH', 'refs/heads/missing', { sha: '0'.repeat(40) })).status).toBe(422);
  });
});
