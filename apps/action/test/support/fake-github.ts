import type { BranchHead, CheckRun, CreateCheckRequest, GitHubPort, IssueComment, TreeFile, UpdateCheckRequest } from '../../src/github/port.js';
import { GitHubError } from '../../src/github/port.js';

export interface StoredCheck extends CheckRun {
  history: Array<CreateCheckRequest | UpdateCheckRequest>;
  output?: { title: string; summary: string };
}

/** In-memory GitHub: check runs by SHA, comments by issue; can refuse writes like a fork's token. */
export class FakeGitHub implements GitHubPort {
  readonly checks: StoredCheck[] = [];
  readonly comments = new Map<number, IssueComment[]>();
  readonly calls: string[] = [];
  /** Errors thrown by the next calls of a method, in order. */
  readonly failures = new Map<keyof GitHubPort, Error[]>();
  private nextId = 100;

  private failNext(method: keyof GitHubPort): void {
    this.calls.push(method);
    const error = this.failures.get(method)?.shift();
    if (error !== undefined) throw error;
  }

  refuse(method: keyof GitHubPort, status = 403, times = 1): void {
    this.failures.set(
      method,
      Array.from({ length: times }, () => new GitHubError(`Resource not accessible by integration`, status)),
    );
  }

  async createCheck(request: CreateCheckRequest): Promise<CheckRun> {
    this.failNext('createCheck');
    const check: StoredCheck = {
      id: this.nextId++,
      name: request.name,
      headSha: request.headSha,
      status: request.status ?? 'in_progress',
      externalId: request.externalId,
      history: [request],
      output: request.output,
      ...(request.detailsUrl ? { detailsUrl: request.detailsUrl } : {}),
      ...(request.conclusion ? { conclusion: request.conclusion } : {}),
    };
    this.checks.push(check);
    return check;
  }

  async updateCheck(id: number, request: UpdateCheckRequest): Promise<void> {
    this.failNext('updateCheck');
    const check = this.checks.find((candidate) => candidate.id === id);
    if (!check) throw new GitHubError('Not Found', 404);
    check.history.push(request);
    if (request.status) check.status = request.status;
    if (request.conclusion) check.conclusion = request.conclusion;
    if (request.output) check.output = request.output;
    if (request.detailsUrl) check.detailsUrl = request.detailsUrl;
  }

  /** Branch names resolve to SHAs through this map. */
  readonly branches = new Map<string, string>();

  async findChecks(ref: string, checkName?: string): Promise<CheckRun[]> {
    this.failNext('findChecks');
    const sha = this.branches.get(ref) ?? ref;
    return this.checks.filter((check) => check.headSha === sha && (checkName === undefined || check.name === checkName)).reverse();
  }

  async listComments(issueNumber: number): Promise<IssueComment[]> {
    this.failNext('listComments');
    return [...(this.comments.get(issueNumber) ?? [])];
  }

  async createComment(issueNumber: number, body: string): Promise<void> {
    this.failNext('createComment');
    const list = this.comments.get(issueNumber) ?? [];
    list.push({ id: this.nextId++, body });
    this.comments.set(issueNumber, list);
  }

  async deleteComment(commentId: number): Promise<void> {
    this.failNext('deleteComment');
    for (const list of this.comments.values()) {
      const index = list.findIndex((candidate) => candidate.id === commentId);
      if (index !== -1) {
        list.splice(index, 1);
        return;
      }
    }
    throw new GitHubError('Not Found', 404);
  }

  async updateComment(commentId: number, body: string): Promise<void> {
    this.failNext('updateComment');
    for (const list of this.comments.values()) {
      const comment = list.find((candidate) => candidate.id === commentId);
      if (comment) {
        comment.body = body;
        return;
      }
    }
    throw new GitHubError('Not Found', 404);
  }

  // The git data API is exercised against the GitHub stand-in over HTTP (badge-branch.test.ts); a unit test that
  // reaches it here has published a badge it did not ask for.
  private notFaked(method: keyof GitHubPort): never {
    this.calls.push(method);
    throw new GitHubError(`FakeGitHub does not model the git data API (${method}); test it against @evalgate/github-stand-in`, 501);
  }

  async readBranch(): Promise<BranchHead | undefined> {
    return this.notFaked('readBranch');
  }

  async listTree(): Promise<TreeFile[]> {
    return this.notFaked('listTree');
  }

  async createTree(): Promise<string> {
    return this.notFaked('createTree');
  }

  async createCommit(): Promise<string> {
    return this.notFaked('createCommit');
  }

  async createBranch(): Promise<void> {
    return this.notFaked('createBranch');
  }

  async updateBranch(): Promise<void> {
    return this.notFaked('updateBranch');
  }
}
