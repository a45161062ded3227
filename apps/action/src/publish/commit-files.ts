// Commits files to a branch through GitHub's git data API: no checkout, one commit per change. Two jobs writing the
// same branch at once are expected (one badge per check name, matrix jobs): the loser's ref update is refused as not a
// fast-forward, so it reads the new head and commits again on top of it.
import { createHash } from 'node:crypto';
import { isBranchRace, type GitHubPort } from '../github/port.js';

export type GitDataPort = Pick<GitHubPort, 'readBranch' | 'listTree' | 'createTree' | 'createCommit' | 'createBranch' | 'updateBranch'>;

/** Rounds of read-commit-update before giving up; each lost round means another job's commit landed. */
export const MAX_COMMIT_ATTEMPTS = 6;

export type CommitOutcome =
  | { kind: 'committed'; commitSha: string; createdBranch: boolean; attempts: number }
  /** Every file already had this content at the head: nothing to commit. */
  | { kind: 'unchanged'; commitSha: string };

/** The SHA git gives a blob of this UTF-8 text (`git hash-object`), to compare with a tree without downloading it. */
export function gitBlobSha(content: string): string {
  const bytes = Buffer.from(content, 'utf8');
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(`blob ${bytes.length}\0`), bytes]))
    .digest('hex');
}

/**
 * Writes `files` (path at the branch root → UTF-8 text) to `branch` in one commit whose parent is the head it read,
 * keeping the branch's other files; creates the branch from an orphan commit when it does not exist. Throws the
 * GitHub error of any other failure, or when every attempt lost a race.
 */
export async function commitFiles(
  github: GitDataPort,
  branch: string,
  files: Record<string, string>,
  message: string,
  maxAttempts = MAX_COMMIT_ATTEMPTS,
): Promise<CommitOutcome> {
  for (let attempt = 1; ; attempt++) {
    const head = await github.readBranch(branch);
    if (head) {
      const existing = new Map((await github.listTree(head.treeSha)).map((entry) => [entry.path, entry.sha]));
      if (Object.entries(files).every(([path, content]) => existing.get(path) === gitBlobSha(content))) {
        return { kind: 'unchanged', commitSha: head.commitSha };
      }
    }
    const tree = await github.createTree(files, head?.treeSha);
    const commitSha = await github.createCommit(message, tree, head ? [head.commitSha] : []);
    try {
      if (head) await github.updateBranch(branch, commitSha);
      else await github.createBranch(branch, commitSha);
      return { kind: 'committed', commitSha, createdBranch: !head, attempts: attempt };
    } catch (error) {
      if (!isBranchRace(error) || attempt >= maxAttempts) throw error;
    }
  }
}
