import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OctokitPort } from '../../src/github/octokit-port.js';
import { withCreateCheckLookup } from '../../src/github/create-check-lookup.js';
import { applyRetryPolicy, octokitRetryOptions } from '../../src/github/octokit-options.js';
import { GitHubError, isPermissionProblem, type GitHubPort } from '../../src/github/port.js';
import { RETRIES, RETRIES_AFTER_STEP, gitHubRetryPolicy, type GitHubRetryPolicy } from '../../src/github/retry-policy.js';
import { FakeClock } from '../support/fake-clock.js';
import { MemoryLogger } from '../support/fakes.js';
import { startGitHubStandIn, type GitHubStandIn } from '@evalgate/github-stand-in';

const TOKEN = 'ghs_unitToken_0001';
let server: GitHubStandIn;
let port: OctokitPort;

beforeEach(async () => {
  server = await startGitHubStandIn({ token: TOKEN });
  port = new OctokitPort(getOctokit(TOKEN, { baseUrl: server.url }), 'acme', 'widgets');
});
afterEach(async () => server.close());

describe('OctokitPort over HTTP', () => {
  it('creates, updates and finds check runs', async () => {
    const created = await port.createCheck({
      name: 'evalgate',
      headSha: 'sha1',
      externalId: 'ev_1',
      detailsUrl: 'https://r/1',
      startedAt: '2026-01-01T00:00:00Z',
      output: { title: 'Queued', summary: 's' },
    });
    expect(created).toMatchObject({ name: 'evalgate', headSha: 'sha1', status: 'in_progress', externalId: 'ev_1', detailsUrl: 'https://r/1' });
    await port.updateCheck(created.id, {
      status: 'completed',
      conclusion: 'success',
      completedAt: '2026-01-01T00:01:00Z',
      output: { title: 'avg 1', summary: 'done' },
    });
    server.branches.set('main', 'sha1');
    const found = await port.findChecks('main', 'evalgate');
    expect(found).toEqual([expect.objectContaining({ id: created.id, status: 'completed', conclusion: 'success', externalId: 'ev_1' })]);
    expect(await port.findChecks('sha1', 'other')).toEqual([]);
    const create = server.requests.find((request) => request.method === 'POST')!;
    expect(create.path).toBe('/repos/acme/widgets/check-runs');
    expect(create.headers.authorization).toBe(`token ${TOKEN}`);
    expect(create.body).toMatchObject({ head_sha: 'sha1', status: 'in_progress', external_id: 'ev_1', details_url: 'https://r/1' });
    expect(server.requests.find((request) => request.method === 'GET')!.query).toMatchObject({ check_name: 'evalgate', filter: 'all' });
  });

  it('lists, creates and updates comments across pages', async () => {
    for (let index = 0; index < 120; index++) await port.createComment(3, `comment ${index}`);
    const comments = await port.listComments(3);
    expect(comments).toHaveLength(120);
    await port.updateComment(comments[119]!.id, 'edited');
    expect((await port.listComments(3))[119]!.body).toBe('edited');
    await port.deleteComment(comments[0]!.id);
    expect(await port.listComments(3)).toHaveLength(119);
  });

  it('maps refusals and rate limits to GitHubError with status and retry-after', async () => {
    server.addFault({ status: 403, count: 1 });
    const refused = await port
      .createCheck({ name: 'x', headSha: 's', externalId: 'e', startedAt: '', output: { title: '', summary: '' } })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(GitHubError);
    expect(isPermissionProblem(refused)).toBe(true);
    server.addFault({ status: 429, count: 1, retryAfter: 7 });
    const limited = (await port.listComments(1).catch((error: unknown) => error)) as GitHubError;
    expect(limited).toMatchObject({ status: 429, retryAfterMs: 7000 });
  });

  it('rejects a response that is not a check run', async () => {
    const broken = new OctokitPort({ request: async () => ({ status: 201, data: { id: 'x' } }) }, 'a', 'b');
    await expect(broken.createCheck({ name: 'x', headSha: 's', externalId: 'e', startedAt: '', output: { title: '', summary: '' } })).rejects.toThrow(
      'unexpected body',
    );
  });
});

function plugged(stepOver: () => boolean): { port: GitHubPort; asked: Array<{ retryAfter: number; retryCount: number }> } {
  const asked: Array<{ retryAfter: number; retryCount: number }> = [];
  const base = gitHubRetryPolicy(stepOver);
  const policy: GitHubRetryPolicy = {
    retries: () => base.retries(),
    retryRateLimited: (retryAfter, retryCount) => {
      asked.push({ retryAfter, retryCount });
      return base.retryRateLimited(retryAfter, retryCount);
    },
  };
  const logger = new MemoryLogger();
  // Pauses in milliseconds instead of seconds: the same policy, quickly.
  const octokit = getOctokit(TOKEN, { baseUrl: server.url, ...octokitRetryOptions(policy, logger, 1) }, retry, throttling);
  const inner = new OctokitPort(applyRetryPolicy(octokit, policy), 'acme', 'widgets');
  return { port: withCreateCheckLookup(inner, { clock: new FakeClock(), logger, policy, baseMs: 1 }), asked };
}

const SECONDARY = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';
/** The comment listing itself, not the identity lookup (GET /user, GraphQL viewer) before it. */
const COMMENTS = { method: 'GET', pathIncludes: '/issues/9/comments' };
const commentRequests = () => server.requests.filter((request) => request.path.endsWith('/comments'));

describe("GitHub's retry and throttling plugins under the retry policy", () => {
  it('retry 5xx and a secondary rate limit (asking the policy with its retry-after), never a plain 403', async () => {
    const { port: github, asked } = plugged(() => false);
    server.addFault({ status: 502, count: 2, match: COMMENTS });
    server.addFault({ status: 429, count: 1, retryAfter: 5, message: SECONDARY, match: COMMENTS });
    expect(await github.listComments(9)).toEqual([]);
    expect(commentRequests().map((request) => request.status)).toEqual([502, 502, 429, 200]);
    expect(asked).toEqual([{ retryAfter: 5, retryCount: 0 }]);
    server.addFault({ status: 403, count: 1, match: COMMENTS });
    await expect(github.listComments(9)).rejects.toMatchObject({ status: 403 });
    expect(commentRequests().filter((request) => request.status === 403)).toHaveLength(1);
  });

  it(`give up after ${RETRIES} retries of a 5xx`, async () => {
    const { port: github } = plugged(() => false);
    server.addFault({ status: 500, count: 10, match: COMMENTS });
    await expect(github.listComments(9)).rejects.toMatchObject({ status: 500 });
    expect(commentRequests()).toHaveLength(1 + RETRIES);
  });

  it('once the step is over, retry a 5xx once and do not wait out a long rate limit', async () => {
    const { port: github, asked } = plugged(() => true);
    server.addFault({ status: 503, count: 10, match: { method: 'PATCH' } });
    await expect(github.updateCheck(1, { status: 'completed', conclusion: 'cancelled' })).rejects.toMatchObject({ status: 503 });
    expect(server.requests.filter((request) => request.method === 'PATCH')).toHaveLength(1 + RETRIES_AFTER_STEP);
    server.addFault({ status: 429, count: 1, retryAfter: 60, message: SECONDARY, match: COMMENTS });
    await expect(github.listComments(9)).rejects.toMatchObject({ status: 429 });
    expect(asked).toEqual([{ retryAfter: 60, retryCount: 0 }]);
    expect(commentRequests()).toHaveLength(1);
  });

  it('never retry a check-run create blindly: look for it first, then create again', async () => {
    const { port: github } = plugged(() => false);
    server.addFault({ status: 502, count: 1, match: { method: 'POST', pathIncludes: '/check-runs' } });
    const check = await github.createCheck({ name: 'evalgate', headSha: 'sha8', externalId: 'ev_8', startedAt: '', output: { title: '', summary: '' } });
    const checkRequests = server.requests.filter((request) => request.path.includes('check-runs'));
    expect(checkRequests.map((request) => `${request.method} ${request.status}`)).toEqual(['POST 502', 'GET 200', 'POST 201']);
    expect(server.checkRuns).toHaveLength(1);
    expect(check.id).toBe(server.checkRuns[0]!.id);
  });

  it('does not create a second check when a failed create went through', async () => {
    let creates = 0;
    const flaky = {
      ...port,
      findChecks: port.findChecks.bind(port),
      updateCheck: port.updateCheck.bind(port),
      listComments: port.listComments.bind(port),
      createComment: port.createComment.bind(port),
      updateComment: port.updateComment.bind(port),
      deleteComment: port.deleteComment.bind(port),
      readBranch: port.readBranch.bind(port),
      listTree: port.listTree.bind(port),
      createTree: port.createTree.bind(port),
      createCommit: port.createCommit.bind(port),
      createBranch: port.createBranch.bind(port),
      updateBranch: port.updateBranch.bind(port),
      // The check is created, but the response is lost.
      createCheck: async (request: Parameters<OctokitPort['createCheck']>[0]) => {
        creates++;
        await port.createCheck(request);
        throw new GitHubError('socket hang up');
      },
    };
    const github = withCreateCheckLookup(flaky, { clock: new FakeClock(), logger: new MemoryLogger(), policy: gitHubRetryPolicy(() => false) });
    const check = await github.createCheck({ name: 'evalgate', headSha: 'sha9', externalId: 'ev_9', startedAt: '', output: { title: '', summary: '' } });
    expect(creates).toBe(1);
    expect(server.checkRuns).toHaveLength(1);
    expect(check.id).toBe(server.checkRuns[0]!.id);
  });
});

describe('finding our own comments', () => {
  const MARKER_BODY = '<!-- evalgate -->\nforged';

  it('lists only comments written by github-actions[bot] when the token is GITHUB_TOKEN (GET /user refused)', async () => {
    server.addComment(5, MARKER_BODY, 'mallory');
    await port.createComment(5, '<!-- evalgate -->\nours');
    const listed = await port.listComments(5);
    expect(listed.map((comment) => comment.body)).toEqual(['<!-- evalgate -->\nours']);
    expect(server.comments.find((comment) => comment.body === '<!-- evalgate -->\nours')?.user.login).toBe('github-actions[bot]');
  });

  it("lists only the token user's comments when GET /user names them (a personal token)", async () => {
    const personal = await startGitHubStandIn({ users: { ghp_personal: 'release-bot' } });
    try {
      const pat = new OctokitPort(getOctokit('ghp_personal', { baseUrl: personal.url }), 'acme', 'widgets');
      personal.addComment(5, MARKER_BODY, 'github-actions[bot]');
      personal.addComment(5, `${MARKER_BODY} 2`, 'mallory');
      const mine = personal.addComment(5, '<!-- evalgate -->\nmine', 'release-bot');
      expect((await pat.listComments(5)).map((comment) => comment.id)).toEqual([mine.id]);
    } finally {
      await personal.close();
    }
  });
});

describe('finding our own comments with a GitHub App token', () => {
  it("lists only the app bot's comments, learned from GraphQL viewer when GET /user is refused", async () => {
    const apps = await startGitHubStandIn({ apps: { ghs_appToken: 'eval-bot' } });
    try {
      const port = new OctokitPort(getOctokit('ghs_appToken', { baseUrl: apps.url }), 'acme', 'widgets');
      apps.addComment(5, '<!-- evalgate -->\nforged', 'mallory');
      apps.addComment(5, '<!-- evalgate -->\nother bot', 'github-actions[bot]');
      const mine = apps.addComment(5, '<!-- evalgate -->\nmine', 'eval-bot[bot]');
      expect((await port.listComments(5)).map((comment) => comment.id)).toEqual([mine.id]);
    } finally {
      await apps.close();
    }
  });

  it('asks GraphQL viewer straight away for an installation token, without the GET /user GitHub always refuses it', async () => {
    const apps = await startGitHubStandIn({ apps: { ghs_appToken: 'eval-bot' } });
    try {
      const port = new OctokitPort(getOctokit('ghs_appToken', { baseUrl: apps.url }), 'acme', 'widgets', true);
      const mine = apps.addComment(5, '<!-- evalgate -->\nmine', 'eval-bot[bot]');
      apps.addComment(5, '<!-- evalgate -->\nforged', 'mallory');
      expect((await port.listComments(5)).map((comment) => comment.id)).toEqual([mine.id]);
      await port.listComments(5);
      const identityRequests = apps.requests.filter((request) => request.path === '/user' || request.path === '/graphql');
      expect(identityRequests.map((request) => `${request.method} ${request.path}`)).toEqual(['POST /graphql']);
    } finally {
      await apps.close();
    }
  });
});
