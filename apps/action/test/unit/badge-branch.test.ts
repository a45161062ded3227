import { getOctokit } from '@actions/github';
import { startGitHubStandIn, type GitHubStandIn } from '@evalgate/github-stand-in';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OctokitPort } from '../../src/github/octokit-port.js';
import type { GitHubPort } from '../../src/github/port.js';
import { branchName } from '../../src/inputs/branch-name.js';
import { badgeFileBase, publishBadgeToBranch, readmeMarkdown, whyNotPublished, type BadgeBranchRequest } from '../../src/publish/badge-branch.js';
import { gitBlobSha } from '../../src/publish/commit-files.js';
import { MemoryLogger } from '../support/fakes.js';

const TOKEN = 'ghs_badgeToken_0001';
const SHA = 'abcdef0123456789abcdef0123456789abcdef01';
let server: GitHubStandIn;
let port: OctokitPort;
let logger: MemoryLogger;

beforeEach(async () => {
  server = await startGitHubStandIn({ token: TOKEN });
  port = new OctokitPort(getOctokit(TOKEN, { baseUrl: server.url }), 'acme', 'widgets', true);
  logger = new MemoryLogger();
});
afterEach(async () => server.close());

function request(overrides: Partial<BadgeBranchRequest> = {}): BadgeBranchRequest {
  return {
    branch: 'badges',
    checkName: 'evalgate',
    gate: 'pass',
    status: 'completed',
    svg: '<svg>pass</svg>',
    json: '{"message":"pass"}\n',
    context: { owner: 'acme', repo: 'widgets', eventName: 'push', sha: SHA, ref: 'main', defaultBranch: 'main', serverUrl: 'https://github.com' },
    ...overrides,
  };
}

const head = () => server.git.refs.get('refs/heads/badges');
const commitAt = (sha: string | undefined) => server.git.commits.get(sha ?? '')!;
const writes = () => server.requests.filter((entry) => entry.method !== 'GET').map((entry) => `${entry.method} ${entry.path} ${entry.status}`);

describe('publishing the badge to a branch over the git data API', () => {
  it('creates the missing branch with an orphan commit holding the SVG and the endpoint JSON, and returns the README Markdown', async () => {
    const section = await publishBadgeToBranch(port, logger, request());
    const commit = commitAt(head());
    expect(commit.parents).toEqual([]);
    expect(commit.message).toBe(`evalgate badge: pass at ${SHA.slice(0, 12)} [skip ci]`);
    expect(server.git.filesAt(commit.sha)).toEqual({ 'evalgate.svg': '<svg>pass</svg>', 'evalgate.json': '{"message":"pass"}\n' });
    expect(writes()).toEqual(['POST /repos/acme/widgets/git/trees 201', 'POST /repos/acme/widgets/git/commits 201', 'POST /repos/acme/widgets/git/refs 201']);
    expect(section).toContain('Badge committed to badges (new branch): evalgate.svg and evalgate.json');
    expect(section).toContain('![evalgate](https://github.com/acme/widgets/raw/badges/evalgate.svg)');
    expect(logger.lines.join('\n')).toContain('Paste into a README:\n![evalgate](https://github.com/acme/widgets/raw/badges/evalgate.svg)');
  });

  it('commits an update on top of the head, keeping the other checks’ badges, and nothing when the files are unchanged', async () => {
    await publishBadgeToBranch(port, logger, request({ checkName: 'Nightly (GPU)' }));
    const first = head()!;
    await publishBadgeToBranch(port, logger, request({ gate: 'fail', svg: '<svg>fail</svg>' }));
    const second = commitAt(head());
    expect(second.parents).toEqual([first]);
    expect(Object.keys(server.git.filesAt(second.sha)).sort()).toEqual(['evalgate.json', 'evalgate.svg', 'nightly-gpu.json', 'nightly-gpu.svg']);
    expect(server.git.filesAt(second.sha)['evalgate.svg']).toBe('<svg>fail</svg>');

    const before = server.requests.length;
    const section = await publishBadgeToBranch(port, logger, request({ gate: 'fail', svg: '<svg>fail</svg>' }));
    expect(head()).toBe(second.sha);
    expect(server.requests.slice(before).map((entry) => entry.method)).toEqual(['GET', 'GET', 'GET']);
    expect(section).toContain('already up to date');
  });

  it('reads the new head and commits again when another job moved the branch first (422 not a fast forward)', async () => {
    await publishBadgeToBranch(port, logger, request());
    const start = head()!;
    let raced = false;
    // Between this job's commit and its ref update, a matrix sibling publishes its own badge.
    const racing: GitHubPort = new Proxy(port, {
      get(target, property, receiver) {
        if (property === 'updateBranch' && !raced) {
          return async (branch: string, sha: string) => {
            raced = true;
            await publishBadgeToBranch(port, new MemoryLogger(), request({ checkName: 'sibling', svg: '<svg>sibling</svg>' }));
            return target.updateBranch(branch, sha);
          };
        }
        const member = Reflect.get(target, property, receiver) as unknown;
        return typeof member === 'function' ? (member as (...args: unknown[]) => unknown).bind(target) : member;
      },
    });
    await publishBadgeToBranch(racing, logger, request({ gate: 'fail', svg: '<svg>fail</svg>' }));

    const patches = server.requests.filter((entry) => entry.method === 'PATCH').map((entry) => entry.status);
    expect(patches).toEqual([200, 422, 200]);
    const final = commitAt(head());
    const sibling = commitAt(final.parents[0]);
    expect(sibling.message).toContain('sibling badge');
    expect(sibling.parents).toEqual([start]);
    expect(server.git.filesAt(final.sha)).toMatchObject({ 'evalgate.svg': '<svg>fail</svg>', 'sibling.svg': '<svg>sibling</svg>' });
  });

  it('warns naming contents: write when the token may not write, and never throws', async () => {
    server.addFault({ status: 403, count: 1, match: { method: 'POST', pathIncludes: '/git/trees' } });
    expect(await publishBadgeToBranch(port, logger, request())).toBeUndefined();
    expect(logger.text()).toMatch(/not committed to badges.*HTTP 403.*"contents: write"/);
    expect(head()).toBeUndefined();
  });

  it('publishes nothing for a pull request, another branch, a cancelled run or the default branch as badge-branch', async () => {
    const cases: Array<[Partial<BadgeBranchRequest>, RegExp]> = [
      [
        { context: { ...request().context, eventName: 'pull_request', ref: 'feature' } },
        /only a push .* default branch updates it; this is a pull_request run on feature/,
      ],
      [{ context: { ...request().context, ref: 'release' } }, /default branch main updates it; this is a push run on release/],
      [{ status: 'cancelled' }, /cancelled/],
      [{ branch: 'main' }, /badge-branch is the default branch main/],
      [{ context: { owner: 'acme', repo: 'widgets', eventName: 'push', sha: SHA, ref: 'main' } }, /does not name the repository's default branch/],
    ];
    for (const [overrides, reason] of cases) {
      expect(whyNotPublished(request(overrides))).toMatch(reason);
      expect(await publishBadgeToBranch(port, logger, request(overrides))).toBeUndefined();
    }
    expect(whyNotPublished(request({ context: { ...request().context, eventName: 'schedule' } }))).toBeUndefined();
    expect(server.requests).toEqual([]);
  });
});

describe('badge names and README Markdown', () => {
  it('derives one file name per check name, safe in a URL and a tree', () => {
    expect(badgeFileBase('evalgate')).toBe('evalgate');
    expect(badgeFileBase('Nightly (GPU) / llama-3.1')).toBe('nightly-gpu-llama-3.1');
    expect(badgeFileBase('Évaluation ünïcode')).toBe('evaluation-unicode');
    expect(badgeFileBase('../../etc/passwd')).toBe('etc-passwd');
    expect(badgeFileBase('???')).toBe('evalgate');
    expect(badgeFileBase('x'.repeat(300))).toHaveLength(80);
  });

  it('links the SVG on the server and, on github.com, the shields.io endpoint of the JSON', () => {
    expect(readmeMarkdown(request({ branch: 'ci/badges', checkName: 'gate [main]' }))).toEqual([
      '![gate  main ](https://github.com/acme/widgets/raw/ci/badges/gate-main.svg)',
      `![gate  main ](https://img.shields.io/endpoint?url=${encodeURIComponent('https://raw.githubusercontent.com/acme/widgets/ci/badges/gate-main.json')})`,
    ]);
    const enterprise = request({ context: { ...request().context, serverUrl: 'https://ghe.example.com/' } });
    expect(readmeMarkdown(enterprise)).toEqual(['![evalgate](https://ghe.example.com/acme/widgets/raw/badges/evalgate.svg)']);
  });

  it('hashes a blob as git does, so an unchanged badge is recognised without downloading it', () => {
    expect(gitBlobSha('hello\n')).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
  });
});

describe('badge-branch input', () => {
  it('accepts a plain branch name and refuses what git would', () => {
    expect(branchName.parse('')).toBeUndefined();
    expect(branchName.parse(' badges ')).toBe('badges');
    expect(branchName.parse('ci/badges')).toBe('ci/badges');
    for (const bad of ['has space', 'a..b', 'x.lock', '/x', 'x/', '-x', 'refs/heads/x', 'a:b', '.hidden']) {
      const parsed = branchName.safeParse(bad);
      expect(parsed.success, bad).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(/use a plain branch name such as badges/);
    }
  });
});
