// The git data API (refs, commits, trees, blobs) over an in-memory object store, as GitHub answers it: a ref update
// that is not a fast-forward is refused with 422 unless forced, a ref that exists cannot be created again, and unknown
// objects are 404. Trees hold files at their root only (what the badge publisher writes); a nested path is a 422 that
// says so rather than a silent misreading.
import { createHash } from 'node:crypto';

export interface StoredTreeEntry {
  path: string;
  mode: string;
  type: 'blob';
  sha: string;
  size: number;
}

export interface StoredCommit {
  sha: string;
  message: string;
  tree: string;
  parents: string[];
  author: { name: string; email: string; date: string };
}

/** What a test reads back: refs by full name ("refs/heads/badges"), commits, trees and blob contents. */
export interface GitStore {
  refs: Map<string, string>;
  commits: Map<string, StoredCommit>;
  trees: Map<string, StoredTreeEntry[]>;
  blobs: Map<string, Buffer>;
  /** The files of a commit's tree, path → UTF-8 text. */
  filesAt(commitSha: string): Record<string, string>;
}

export type Answer = [number, unknown];

const FILE_MODES = new Set(['100644', '100755']);
const SHA = /^[0-9a-f]{40}$/;

function gitHash(type: 'blob' | 'tree' | 'commit', content: Buffer): string {
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(`${type} ${content.length}\0`), content]))
    .digest('hex');
}

export function createGitStore(): GitStore {
  const store: GitStore = {
    refs: new Map(),
    commits: new Map(),
    trees: new Map(),
    blobs: new Map(),
    filesAt(commitSha) {
      const commit = store.commits.get(commitSha);
      if (!commit) throw new Error(`no commit ${commitSha}`);
      const entries = store.trees.get(commit.tree) ?? [];
      return Object.fromEntries(entries.map((entry) => [entry.path, store.blobs.get(entry.sha)?.toString('utf8') ?? '']));
    },
  };
  return store;
}

/** The routes under /repos/{owner}/{repo}/git/, or undefined when `path` is not one of them. */
export function routeGitData(store: GitStore, method: string, path: string, body: Record<string, unknown>, apiUrl: string): Answer | undefined {
  const match = /^\/repos\/([^/]+)\/([^/]+)\/git\/(.+)$/.exec(path);
  if (!match) return undefined;
  const repoUrl = `${apiUrl}/repos/${match[1]}/${match[2]}`;
  const rest = match[3]!;
  let part: RegExpExecArray | null;

  const refBody = (name: string) => {
    const sha = store.refs.get(name)!;
    return { ref: name, url: `${repoUrl}/git/${name}`, object: { sha, type: 'commit', url: `${repoUrl}/git/commits/${sha}` } };
  };
  const treeBody = (sha: string) => ({
    sha,
    url: `${repoUrl}/git/trees/${sha}`,
    tree: store.trees.get(sha)!.map((entry) => ({ ...entry, url: `${repoUrl}/git/blobs/${entry.sha}` })),
    truncated: false,
  });
  const commitBody = (sha: string) => {
    const commit = store.commits.get(sha)!;
    return {
      sha,
      url: `${repoUrl}/git/commits/${sha}`,
      author: commit.author,
      committer: commit.author,
      message: commit.message,
      tree: { sha: commit.tree, url: `${repoUrl}/git/trees/${commit.tree}` },
      parents: commit.parents.map((parent) => ({ sha: parent, url: `${repoUrl}/git/commits/${parent}` })),
    };
  };
  const storeBlob = (content: Buffer) => {
    const sha = gitHash('blob', content);
    store.blobs.set(sha, content);
    return sha;
  };

  // GET git/ref/{ref}: one reference, e.g. heads/badges.
  if (method === 'GET' && (part = /^ref\/(.+)$/.exec(rest))) {
    const name = `refs/${decodeURIComponent(part[1]!)}`;
    return store.refs.has(name) ? [200, refBody(name)] : [404, { message: 'Not Found' }];
  }
  if (method === 'POST' && rest === 'refs') {
    if (typeof body.ref !== 'string' || !/^refs\/.+\/.+/.test(body.ref) || typeof body.sha !== 'string') {
      return [422, { message: 'Invalid request.', errors: ['"ref" (refs/heads/...) and "sha" are required'] }];
    }
    if (store.refs.has(body.ref)) return [422, { message: 'Reference already exists' }];
    if (!store.commits.has(body.sha)) return [422, { message: 'Object does not exist' }];
    store.refs.set(body.ref, body.sha);
    return [201, refBody(body.ref)];
  }
  if (method === 'PATCH' && (part = /^refs\/(.+)$/.exec(rest))) {
    const name = `refs/${decodeURIComponent(part[1]!)}`;
    const head = store.refs.get(name);
    if (head === undefined) return [422, { message: 'Reference does not exist' }];
    if (typeof body.sha !== 'string' || !store.commits.has(body.sha)) return [422, { message: 'Object does not exist' }];
    if (body.force !== true && !isAncestor(store, head, body.sha)) return [422, { message: 'Update is not a fast forward' }];
    store.refs.set(name, body.sha);
    return [200, refBody(name)];
  }
  if (method === 'POST' && rest === 'blobs') {
    if (typeof body.content !== 'string') return [422, { message: 'Invalid request.', errors: ['"content" is required'] }];
    const encoding = body.encoding ?? 'utf-8';
    if (encoding !== 'utf-8' && encoding !== 'base64')
      return [422, { message: `encoding must be utf-8 or base64 (got ${typeof encoding === 'string' ? encoding : JSON.stringify(encoding)})` }];
    const sha = storeBlob(Buffer.from(body.content, encoding === 'base64' ? 'base64' : 'utf8'));
    return [201, { sha, url: `${repoUrl}/git/blobs/${sha}` }];
  }
  if (method === 'GET' && (part = /^blobs\/([0-9a-f]{40})$/.exec(rest))) {
    const blob = store.blobs.get(part[1]!);
    if (!blob) return [404, { message: 'Not Found' }];
    return [200, { sha: part[1], size: blob.length, encoding: 'base64', content: blob.toString('base64'), url: `${repoUrl}/git/blobs/${part[1]}` }];
  }
  if (method === 'POST' && rest === 'trees') {
    return createTree(store, body, storeBlob, treeBody);
  }
  if (method === 'GET' && (part = /^trees\/([0-9a-f]{40})$/.exec(rest))) {
    return store.trees.has(part[1]!) ? [200, treeBody(part[1]!)] : [404, { message: 'Not Found' }];
  }
  if (method === 'POST' && rest === 'commits') {
    const parents = body.parents ?? [];
    if (
      typeof body.message !== 'string' ||
      typeof body.tree !== 'string' ||
      !Array.isArray(parents) ||
      !parents.every((parent) => typeof parent === 'string')
    ) {
      return [422, { message: 'Invalid request.', errors: ['"message" and "tree" are required; "parents" is a list of SHAs'] }];
    }
    if (!store.trees.has(body.tree)) return [422, { message: 'Tree SHA does not exist' }];
    if (!parents.every((parent: string) => store.commits.has(parent))) return [422, { message: 'Parent SHA does not exist or is not a commit object' }];
    const date = new Date().toISOString();
    const author = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com', date };
    const text = `tree ${body.tree}\n${parents.map((parent: string) => `parent ${parent}\n`).join('')}author ${author.name} <${author.email}> ${date}\n\n${body.message}`;
    // The date and a counter keep two identical commits made in one millisecond apart, as GitHub's timestamps would.
    const sha = gitHash('commit', Buffer.from(`${text}\n${store.commits.size}`));
    store.commits.set(sha, { sha, message: body.message, tree: body.tree, parents, author });
    return [201, commitBody(sha)];
  }
  if (method === 'GET' && (part = /^commits\/([0-9a-f]{40})$/.exec(rest))) {
    return store.commits.has(part[1]!) ? [200, commitBody(part[1]!)] : [404, { message: 'Not Found' }];
  }
  return undefined;
}

function createTree(store: GitStore, body: Record<string, unknown>, storeBlob: (content: Buffer) => string, treeBody: (sha: string) => unknown): Answer {
  if (!Array.isArray(body.tree)) return [422, { message: 'Invalid request.', errors: ['"tree" is required'] }];
  let entries: StoredTreeEntry[] = [];
  if (body.base_tree !== undefined) {
    if (typeof body.base_tree !== 'string' || !store.trees.has(body.base_tree)) return [422, { message: 'base_tree is not a valid tree SHA' }];
    entries = [...store.trees.get(body.base_tree)!];
  }
  for (const raw of body.tree as unknown[]) {
    const item = (raw ?? {}) as Record<string, unknown>;
    if (typeof item.path !== 'string' || item.path === '' || typeof item.mode !== 'string')
      return [422, { message: 'Invalid tree entry: "path" and "mode" are required' }];
    if (item.path.includes('/')) return [422, { message: `stand-in: nested paths are not modelled (${item.path})` }];
    if (!FILE_MODES.has(item.mode) || (item.type !== undefined && item.type !== 'blob'))
      return [422, { message: `stand-in: only files (blobs, mode 100644/100755) are modelled (${item.path})` }];
    const hasSha = item.sha !== undefined;
    const hasContent = item.content !== undefined;
    if (hasSha === hasContent) return [422, { message: `Invalid tree entry ${item.path}: give exactly one of "sha" and "content"` }];
    const existed = entries.some((entry) => entry.path === item.path);
    entries = entries.filter((entry) => entry.path !== item.path);
    // "sha": null deletes the file (GitHub errors when it does not exist).
    if (hasSha && item.sha === null) {
      if (!existed) return [422, { message: `${item.path} does not exist` }];
      continue;
    }
    let sha: string;
    if (hasContent) {
      if (typeof item.content !== 'string') return [422, { message: `Invalid tree entry ${item.path}: "content" must be a string` }];
      sha = storeBlob(Buffer.from(item.content, 'utf8'));
    } else {
      if (typeof item.sha !== 'string' || !SHA.test(item.sha) || !store.blobs.has(item.sha))
        return [422, { message: `Invalid tree entry ${item.path}: blob ${String(item.sha)} does not exist` }];
      sha = item.sha;
    }
    entries.push({ path: item.path, mode: item.mode, type: 'blob', sha, size: store.blobs.get(sha)!.length });
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const content = Buffer.concat(entries.map((entry) => Buffer.concat([Buffer.from(`${entry.mode} ${entry.path}\0`), Buffer.from(entry.sha, 'hex')])));
  const sha = gitHash('tree', content);
  store.trees.set(sha, entries);
  return [201, treeBody(sha)];
}

/** Whether `ancestor` is `descendant` or reachable from it through parents. */
function isAncestor(store: GitStore, ancestor: string, descendant: string): boolean {
  const seen = new Set<string>();
  const queue = [descendant];
  while (queue.length > 0) {
    const sha = queue.pop()!;
    if (sha === ancestor) return true;
    if (seen.has(sha)) continue;
    seen.add(sha);
    queue.push(...(store.commits.get(sha)?.parents ?? []));
  }
  return false;
}
