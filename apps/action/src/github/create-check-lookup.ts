// A check-run create whose answer was lost (5xx, dropped connection) may have gone through: retrying it blindly
// would leave a second check spinning forever. So the create is never retried by plugin-retry (OctokitPort sends it
// with retries 0); here, before each new attempt, the commit's check runs are read for the one it made.
import type { Clock, Logger } from '@evalgate/gate';
import type { CheckRun, CreateCheckRequest, GitHubPort } from './port.js';
import { GitHubError } from './port.js';
import type { GitHubRetryPolicy } from './retry-policy.js';

export interface CreateCheckLookupOptions {
  clock: Clock;
  logger: Logger;
  policy: GitHubRetryPolicy;
  /** Scales the pauses (1000: 1 s, 4 s, 9 s like plugin-retry). */
  baseMs?: number;
}

/** An answer that does not say whether the create happened: a 5xx, or none at all. */
function mayHaveHappened(error: unknown): error is GitHubError {
  return error instanceof GitHubError && (error.status === undefined || error.status >= 500);
}

export function withCreateCheckLookup(port: GitHubPort, options: CreateCheckLookupOptions): GitHubPort {
  const base = options.baseMs ?? 1000;
  async function createCheck(request: CreateCheckRequest): Promise<CheckRun> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await port.createCheck(request);
      } catch (error) {
        if (!mayHaveHappened(error) || attempt >= options.policy.retries()) throw error;
        options.logger.debug(`GitHub create check run failed (${error.status ?? 'no response'}); looking for it before trying again`);
        await options.clock.sleep((attempt + 1) ** 2 * base);
        const existing = await port.findChecks(request.headSha, request.name).catch((): CheckRun[] => []);
        const same = existing.find((check) => check.externalId === request.externalId && check.status !== 'completed');
        if (same) return same;
      }
    }
  }
  return {
    createCheck,
    updateCheck: (id, request) => port.updateCheck(id, request),
    findChecks: (ref, name) => port.findChecks(ref, name),
    listComments: (issue) => port.listComments(issue),
    createComment: (issue, body) => port.createComment(issue, body),
    updateComment: (id, body) => port.updateComment(id, body),
    deleteComment: (id) => port.deleteComment(id),
    readBranch: (branch) => port.readBranch(branch),
    listTree: (sha) => port.listTree(sha),
    createTree: (files, base) => port.createTree(files, base),
    createCommit: (message, tree, parents) => port.createCommit(message, tree, parents),
    createBranch: (branch, sha) => port.createBranch(branch, sha),
    updateBranch: (branch, sha) => port.updateBranch(branch, sha),
  };
}
