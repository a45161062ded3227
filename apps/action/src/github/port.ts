// The few GitHub operations the action needs, so run() is tested against a fake and main() against a real server.

export type CheckStatus = 'queued' | 'in_progress' | 'completed';
export type CheckConclusion = 'success' | 'failure' | 'neutral' | 'cancelled' | 'timed_out';

export interface CheckOutput {
  title: string;
  summary: string;
  text?: string;
}

export interface CheckRun {
  id: number;
  name: string;
  headSha: string;
  status: CheckStatus | (string & {});
  conclusion?: string;
  /** The evaluation id, which lets a re-run or a later run find the evaluation whatever the provider. */
  externalId?: string;
  detailsUrl?: string;
  completedAt?: string;
}

export interface CreateCheckRequest {
  name: string;
  headSha: string;
  externalId: string;
  detailsUrl?: string;
  startedAt: string;
  output: CheckOutput;
  /** Default `in_progress`; `completed` (with a conclusion) when the run ends before a check could be posted. */
  status?: CheckStatus;
  conclusion?: CheckConclusion;
  completedAt?: string;
}

export interface UpdateCheckRequest {
  status?: CheckStatus;
  conclusion?: CheckConclusion;
  completedAt?: string;
  detailsUrl?: string;
  output?: CheckOutput;
}

/** The most check runs one `findChecks` answer holds. */
export const CHECK_RUNS_PAGE_SIZE = 100;

export interface IssueComment {
  id: number;
  body: string;
}

/** A branch's head commit and that commit's tree. */
export interface BranchHead {
  commitSha: string;
  treeSha: string;
}

/** One file at the root of a tree: its name and its blob SHA. */
export interface TreeFile {
  path: string;
  sha: string;
}

export interface GitHubPort {
  createCheck(request: CreateCheckRequest): Promise<CheckRun>;
  updateCheck(id: number, request: UpdateCheckRequest): Promise<void>;
  /**
   * Check runs named `checkName` on a commit SHA or branch, newest first; without a name, every check run of it
   * (one page of at most `CHECK_RUNS_PAGE_SIZE`: a full page may not be all of them).
   */
  findChecks(ref: string, checkName?: string): Promise<CheckRun[]>;
  listComments(issueNumber: number): Promise<IssueComment[]>;
  createComment(issueNumber: number, body: string): Promise<void>;
  updateComment(commentId: number, body: string): Promise<void>;
  deleteComment(commentId: number): Promise<void>;
  /** Git data: the branch's head, or undefined when the branch does not exist. */
  readBranch(branch: string): Promise<BranchHead | undefined>;
  /** The entries at the root of a tree. */
  listTree(treeSha: string): Promise<TreeFile[]>;
  /** A tree of `files` (path → UTF-8 text, at the root) over `baseTreeSha`, or over nothing; returns its SHA. */
  createTree(files: Record<string, string>, baseTreeSha?: string): Promise<string>;
  /** A commit of `treeSha` with these parents (none: an orphan commit); returns its SHA. */
  createCommit(message: string, treeSha: string, parents: string[]): Promise<string>;
  createBranch(branch: string, commitSha: string): Promise<void>;
  /** Moves the branch to `commitSha`; GitHub refuses (422) what is not a fast-forward. */
  updateBranch(branch: string, commitSha: string): Promise<void>;
}

/** A GitHub API failure; `status` is absent when no HTTP response arrived. */
export class GitHubError extends Error {
  override name = 'GitHubError';
  constructor(
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/**
 * The branch moved or appeared between reading and writing it: GitHub answers 422 "Update is not a fast forward" to a
 * ref update and "Reference already exists" to a ref create. Read again and retry.
 */
export function isBranchRace(error: unknown): boolean {
  return error instanceof GitHubError && error.status === 422 && /not a fast.forward|reference already exists/i.test(error.message);
}

/** 403/404 on a write: a fork PR or a token without `checks: write` / `pull-requests: write`. */
export function isPermissionProblem(error: unknown): boolean {
  return error instanceof GitHubError && (error.status === 403 || error.status === 404 || error.status === 401);
}
