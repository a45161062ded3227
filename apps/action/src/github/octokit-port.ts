// The GitHub port over Octokit's `request`, with every response checked by zod.
import * as z from 'zod/mini';
import type { BranchHead, CheckRun, CreateCheckRequest, GitHubPort, IssueComment, TreeFile, UpdateCheckRequest } from './port.js';
import { CHECK_RUNS_PAGE_SIZE, GitHubError } from './port.js';

/** The slice of an Octokit instance this port uses. */
export interface OctokitRequest {
  request(route: string, parameters?: Record<string, unknown>): Promise<{ status: number; data: unknown }>;
}

const checkRunSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  head_sha: z.string(),
  status: z.string(),
  conclusion: z.nullish(z.string()),
  external_id: z.nullish(z.string()),
  details_url: z.nullish(z.string()),
  completed_at: z.nullish(z.string()),
});

const checkRunListSchema = z.looseObject({ check_runs: z.array(checkRunSchema) });
const commentSchema = z.looseObject({ id: z.number(), body: z.nullish(z.string()), user: z.nullish(z.looseObject({ login: z.string() })) });
const shaSchema = z.string().check(z.regex(/^[0-9a-f]{40}$/, 'a 40-character hex SHA'));
const refSchema = z.looseObject({ object: z.looseObject({ sha: shaSchema }) });
const commitSchema = z.looseObject({ sha: shaSchema, tree: z.looseObject({ sha: shaSchema }) });
const treeSchema = z.looseObject({ sha: shaSchema, tree: z.array(z.looseObject({ path: z.string(), sha: z.nullish(shaSchema), type: z.string() })) });
const userSchema = z.looseObject({ login: z.string().check(z.minLength(1)) });
const viewerSchema = z.looseObject({ data: z.looseObject({ viewer: z.looseObject({ login: z.string().check(z.minLength(1)) }) }) });

/**
 * Who GITHUB_TOKEN comments as. `GET /user` answers 403 for integration tokens; GraphQL's `viewer` then names the app
 * ("github-actions", "my-app"), whose REST comments carry the login with a "[bot]" suffix. This is the identity assumed
 * when neither answers.
 */
export const GITHUB_ACTIONS_LOGIN = 'github-actions[bot]';

const PAGE_SIZE = 100;
/** Enough for any real PR; keeps a pathological thread from paging forever. */
const MAX_COMMENT_PAGES = 10;

function toCheckRun(data: z.output<typeof checkRunSchema>): CheckRun {
  const check: CheckRun = { id: data.id, name: data.name, headSha: data.head_sha, status: data.status };
  if (data.conclusion) check.conclusion = data.conclusion;
  if (data.external_id) check.externalId = data.external_id;
  if (data.details_url) check.detailsUrl = data.details_url;
  if (data.completed_at) check.completedAt = data.completed_at;
  return check;
}

function parse<T>(schema: z.ZodMiniType<T>, data: unknown, what: string): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new GitHubError(`GitHub answered ${what} with an unexpected body: ${parsed.error.issues[0]?.message ?? 'invalid'}`, 502);
  return parsed.data;
}

/** Octokit's RequestError carries `status` and the response headers; anything else had no response. */
function toGitHubError(error: unknown, what: string): GitHubError {
  if (error instanceof GitHubError) return error;
  const status = (error as { status?: unknown }).status;
  const headers = (error as { response?: { headers?: Record<string, unknown> } }).response?.headers ?? {};
  const retryAfter = Number(headers['retry-after']);
  const resetAt = Number(headers['x-ratelimit-reset']);
  const remaining = headers['x-ratelimit-remaining'];
  let retryAfterMs: number | undefined;
  if (Number.isFinite(retryAfter) && retryAfter >= 0) retryAfterMs = retryAfter * 1000;
  else if (String(remaining) === '0' && Number.isFinite(resetAt)) retryAfterMs = Math.max(0, resetAt * 1000 - Date.now());
  const message = error instanceof Error ? error.message : String(error);
  // Octokit reports a failed fetch as status 500; the message tells them apart, the retry policy treats them alike.
  return new GitHubError(`GitHub ${what}: ${message}`, typeof status === 'number' ? status : undefined, retryAfterMs);
}

export class OctokitPort implements GitHubPort {
  /** Logins whose comments are ours: the token's identity, plus the author of any comment this port created. */
  private ownLogins: Promise<Set<string>> | undefined;

  constructor(
    private readonly octokit: OctokitRequest,
    private readonly owner: string,
    private readonly repo: string,
    /** The token is an installation token (`ghs_`: GITHUB_TOKEN or a GitHub App), which `GET /user` always refuses. */
    private readonly integrationToken = false,
  ) {}

  private async call(what: string, route: string, parameters: Record<string, unknown>): Promise<unknown> {
    try {
      const response = await this.octokit.request(route, { owner: this.owner, repo: this.repo, ...parameters });
      return response.data;
    } catch (error) {
      throw toGitHubError(error, what);
    }
  }

  async createCheck(request: CreateCheckRequest): Promise<CheckRun> {
    const data = await this.call('create check run', 'POST /repos/{owner}/{repo}/check-runs', {
      name: request.name,
      head_sha: request.headSha,
      status: request.status ?? 'in_progress',
      external_id: request.externalId,
      started_at: request.startedAt,
      output: request.output,
      ...(request.detailsUrl ? { details_url: request.detailsUrl } : {}),
      ...(request.conclusion ? { conclusion: request.conclusion } : {}),
      ...(request.completedAt ? { completed_at: request.completedAt } : {}),
      // Never retried blindly: it may have gone through (create-check-lookup.ts looks before trying again).
      request: { retries: 0 },
    });
    return toCheckRun(parse(checkRunSchema, data, 'create check run'));
  }

  async updateCheck(id: number, request: UpdateCheckRequest): Promise<void> {
    await this.call('update check run', 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
      check_run_id: id,
      ...(request.status ? { status: request.status } : {}),
      ...(request.conclusion ? { conclusion: request.conclusion } : {}),
      ...(request.completedAt ? { completed_at: request.completedAt } : {}),
      ...(request.detailsUrl ? { details_url: request.detailsUrl } : {}),
      ...(request.output ? { output: request.output } : {}),
    });
  }

  async findChecks(ref: string, checkName?: string): Promise<CheckRun[]> {
    const data = await this.call('list check runs', 'GET /repos/{owner}/{repo}/commits/{ref}/check-runs', {
      ref,
      ...(checkName !== undefined ? { check_name: checkName } : {}),
      filter: 'all',
      per_page: CHECK_RUNS_PAGE_SIZE,
    });
    const runs = parse(checkRunListSchema, data, 'list check runs').check_runs.map(toCheckRun);
    return runs.sort((a, b) => b.id - a.id);
  }

  /**
   * The token's identity, asked once: `GET /user` (a personal token); else, for an integration token (GITHUB_TOKEN, a
   * GitHub App), GraphQL's `viewer` plus "[bot]"; else github-actions[bot].
   */
  private identity(): Promise<Set<string>> {
    // An installation token is refused by GET /user for certain: skip that request (it counts against the budget).
    if (this.integrationToken) return (this.ownLogins ??= this.botLogin().then((login) => new Set([login])));
    this.ownLogins ??= this.octokit.request('GET /user').then(
      (response) => new Set([parse(userSchema, response.data, 'read the token identity').login]),
      async (raw: unknown) => {
        const error = toGitHubError(raw, 'read the token identity');
        if (error instanceof GitHubError && error.status !== undefined && [401, 403, 404].includes(error.status)) {
          return new Set([await this.botLogin()]);
        }
        // Unknown: ask again next time rather than guess.
        this.ownLogins = undefined;
        throw error;
      },
    );
    return this.ownLogins;
  }

  /** An integration token's comment author login, from GraphQL's viewer; github-actions[bot] when it will not say. */
  private async botLogin(): Promise<string> {
    try {
      const response = await this.octokit.request('POST /graphql', { query: 'query { viewer { login } }' });
      const viewer = viewerSchema.safeParse(response.data);
      if (!viewer.success) return GITHUB_ACTIONS_LOGIN;
      const login = viewer.data.data.viewer.login;
      return login.endsWith('[bot]') ? login : `${login}[bot]`;
    } catch {
      return GITHUB_ACTIONS_LOGIN;
    }
  }

  /**
   * The issue's comments written by this token's identity only: anyone can post a comment that contains our hidden
   * marker, and it must not be taken for ours (we would edit it, or merge our section into it).
   */
  async listComments(issueNumber: number): Promise<IssueComment[]> {
    const own = await this.identity();
    const comments: IssueComment[] = [];
    for (let page = 1; page <= MAX_COMMENT_PAGES; page++) {
      const data = await this.call('list comments', 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        issue_number: issueNumber,
        per_page: PAGE_SIZE,
        page,
      });
      const items = parse(z.array(commentSchema), data, 'list comments');
      for (const item of items) {
        if (item.user && own.has(item.user.login)) comments.push({ id: item.id, body: item.body ?? '' });
      }
      if (items.length < PAGE_SIZE) break;
    }
    return comments;
  }

  async createComment(issueNumber: number, body: string): Promise<void> {
    const data = await this.call('create comment', 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { issue_number: issueNumber, body });
    // GitHub says who wrote it: an app token that is not github-actions[bot] finds its own comment from now on.
    const author = commentSchema.safeParse(data);
    if (author.success && author.data.user) {
      const login = author.data.user.login;
      await this.identity().then(
        (own) => own.add(login),
        () => undefined,
      );
    }
  }

  async updateComment(commentId: number, body: string): Promise<void> {
    await this.call('update comment', 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { comment_id: commentId, body });
  }

  async deleteComment(commentId: number): Promise<void> {
    await this.call('delete comment', 'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', { comment_id: commentId });
  }

  async readBranch(branch: string): Promise<BranchHead | undefined> {
    let data: unknown;
    try {
      data = await this.call('read branch', 'GET /repos/{owner}/{repo}/git/ref/{ref}', { ref: `heads/${branch}` });
    } catch (error) {
      if (error instanceof GitHubError && error.status === 404) return undefined;
      throw error;
    }
    const commitSha = parse(refSchema, data, 'read branch').object.sha;
    const commit = parse(
      commitSchema,
      await this.call('read commit', 'GET /repos/{owner}/{repo}/git/commits/{commit_sha}', { commit_sha: commitSha }),
      'read commit',
    );
    return { commitSha, treeSha: commit.tree.sha };
  }

  async listTree(treeSha: string): Promise<TreeFile[]> {
    const data = parse(treeSchema, await this.call('read tree', 'GET /repos/{owner}/{repo}/git/trees/{tree_sha}', { tree_sha: treeSha }), 'read tree');
    return data.tree.flatMap((entry) => (entry.type === 'blob' && entry.sha ? [{ path: entry.path, sha: entry.sha }] : []));
  }

  async createTree(files: Record<string, string>, baseTreeSha?: string): Promise<string> {
    const data = await this.call('create tree', 'POST /repos/{owner}/{repo}/git/trees', {
      ...(baseTreeSha ? { base_tree: baseTreeSha } : {}),
      // Inline content: GitHub writes each blob, which saves one request per file.
      tree: Object.entries(files).map(([path, content]) => ({ path, mode: '100644', type: 'blob', content })),
    });
    return parse(treeSchema, data, 'create tree').sha;
  }

  async createCommit(message: string, treeSha: string, parents: string[]): Promise<string> {
    const data = await this.call('create commit', 'POST /repos/{owner}/{repo}/git/commits', { message, tree: treeSha, parents });
    return parse(commitSchema, data, 'create commit').sha;
  }

  async createBranch(branch: string, commitSha: string): Promise<void> {
    await this.call('create branch', 'POST /repos/{owner}/{repo}/git/refs', { ref: `refs/heads/${branch}`, sha: commitSha });
  }

  async updateBranch(branch: string, commitSha: string): Promise<void> {
    await this.call('update branch', 'PATCH /repos/{owner}/{repo}/git/refs/{ref}', { ref: `heads/${branch}`, sha: commitSha, force: false });
  }
}
