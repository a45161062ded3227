import type { Clock, Logger } from '../deps.js';
import type { CheckRun, CreateCheckRequest, GitHubPort } from './port.js';
import { GitHubError } from './port.js';

export interface RetryOptions {
  clock: Clock;
  logger: Logger;
  /** Retries after the first attempt. */
  maxRetries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
}

function isRetriable(error: unknown): error is GitHubError {
  if (!(error instanceof GitHubError)) return false;
  if (error.status === undefined || error.status === 429 || error.status >= 500) return true;
  // GitHub's secondary rate limit answers 403 with a retry-after.
  return error.status === 403 && error.retryAfterMs !== undefined;
}

/** Retries rate limits, 5xx and dropped connections with capped exponential backoff, honouring retry-after. */
export function withRetries(port: GitHubPort, options: RetryOptions): GitHubPort {
  const maxRetries = options.maxRetries ?? 5;
  const base = options.baseDelayMs ?? 1000;
  const cap = options.maxDelayMs ?? 30_000;
  const random = options.random ?? Math.random;

  async function attempt<T>(what: string, call: (attemptNumber: number) => Promise<T>): Promise<T> {
    for (let attemptNumber = 0; ; attemptNumber++) {
      try {
        return await call(attemptNumber);
      } catch (error) {
        if (!isRetriable(error) || attemptNumber >= maxRetries) throw error;
        const backoff = Math.min(cap, base * 2 ** attemptNumber) * (0.5 + random() / 2);
        const delay = error.retryAfterMs !== undefined ? Math.min(cap, error.retryAfterMs) : backoff;
        options.logger.debug(`GitHub ${what} failed (${error.status ?? 'no response'}); retrying in ${Math.round(delay)} ms`);
        await options.clock.sleep(delay);
      }
    }
  }

  // A create whose response was lost may have happened: look before creating a second, forever in-progress check.
  async function createCheck(request: CreateCheckRequest): Promise<CheckRun> {
    return attempt('create check run', async (attemptNumber) => {
      if (attemptNumber > 0) {
        const existing = await port.findChecks(request.headSha, request.name).catch(() => []);
        const same = existing.find((check) => check.externalId === request.externalId && check.status !== 'completed');
        if (same) return same;
      }
      return port.createCheck(request);
    });
  }

  return {
    createCheck,
    updateCheck: (id, request) => attempt('update check run', () => port.updateCheck(id, request)),
    findChecks: (ref, name) => attempt('list check runs', () => port.findChecks(ref, name)),
    listComments: (issue) => attempt('list comments', () => port.listComments(issue)),
    createComment: (issue, body) => attempt('create comment', () => port.createComment(issue, body)),
    updateComment: (id, body) => attempt('update comment', () => port.updateComment(id, body)),
    deleteComment: (id) => attempt('delete comment', () => port.deleteComment(id)),
    readBranch: (branch) => attempt('read branch', () => port.readBranch(branch)),
    listTree: (sha) => attempt('read tree', () => port.listTree(sha)),
    createTree: (files, base) => attempt('create tree', () => port.createTree(files, base)),
    createCommit: (message, tree, parents) => attempt('create commit', () => port.createCommit(message, tree, parents)),
    createBranch: (branch, sha) => attempt('create branch', () => port.createBranch(branch, sha)),
    updateBranch: (branch, sha) => attempt('update branch', () => port.updateBranch(branch, sha)),
  };
}
