// A local stand-in for the slice of the GitHub REST API evalgate uses: check runs, issue comments, the identity
// lookups and the git data API (git-data.ts). It records every request and can fail on demand (403, 5xx bursts, 429 storms). Loopback only; for tests,
// the demo and the bench.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGitStore, routeGitData } from './git-data.js';
import { readBody, send } from './http.js';
import {
  STAND_IN_BOT_LOGIN,
  type GitHubFault,
  type GitHubStandIn,
  type RecordedRequest,
  type StandInOptions,
  type StoredCheckRun,
  type StoredComment,
} from './types.js';

export async function startGitHubStandIn(options: StandInOptions = {}): Promise<GitHubStandIn> {
  const requests: RecordedRequest[] = [];
  const checkRuns: StoredCheckRun[] = [];
  const comments: StoredComment[] = [];
  const branches = new Map<string, string>();
  const faults: GitHubFault[] = [];
  const git = createGitStore();
  let nextId = 1;
  /** Set once the server listens: the git data answers carry absolute URLs, as GitHub's do. */
  let apiUrl = '';

  function takeFault(method: string, path: string): GitHubFault | undefined {
    const fault = faults.find(
      (candidate) =>
        candidate.count > 0 &&
        (!candidate.match?.method || candidate.match.method.toUpperCase() === method) &&
        (!candidate.match?.pathIncludes || path.includes(candidate.match.pathIncludes)),
    );
    if (fault) fault.count--;
    return fault;
  }

  function snapshot(check: StoredCheckRun): StoredCheckRun['history'][number] {
    return { status: check.status, conclusion: check.conclusion, title: check.output.title, summary: check.output.summary };
  }

  function route(method: string, path: string, query: Record<string, string>, body: Record<string, unknown>, token: string): [number, unknown] {
    let match: RegExpExecArray | null;
    const login = options.users?.[token];
    const app = options.apps?.[token] ?? 'github-actions';
    if (method === 'GET' && path === '/user') {
      return login ? [200, { login, type: 'User' }] : [403, { message: 'Resource not accessible by integration' }];
    }
    if (method === 'POST' && path === '/graphql') {
      if (typeof body.query !== 'string' || !/viewer\s*\{\s*login\s*\}/.test(body.query))
        return [200, { errors: [{ message: 'stand-in answers only viewer { login }' }] }];
      return [200, { data: { viewer: { login: login ?? app } } }];
    }
    if (method === 'POST' && (match = /^\/repos\/[^/]+\/[^/]+\/check-runs$/.exec(path))) {
      if (typeof body.name !== 'string' || typeof body.head_sha !== 'string') {
        return [422, { message: 'Invalid request.', errors: ['name and head_sha are required'] }];
      }
      const output = (body.output ?? {}) as StoredCheckRun['output'];
      const check: StoredCheckRun = {
        id: nextId++,
        name: body.name,
        head_sha: body.head_sha,
        status: typeof body.status === 'string' ? body.status : 'queued',
        conclusion: typeof body.conclusion === 'string' ? body.conclusion : null,
        external_id: typeof body.external_id === 'string' ? body.external_id : null,
        details_url: typeof body.details_url === 'string' ? body.details_url : null,
        started_at: typeof body.started_at === 'string' ? body.started_at : null,
        completed_at: typeof body.completed_at === 'string' ? body.completed_at : null,
        output: { title: output.title ?? null, summary: output.summary ?? null },
        history: [],
      };
      check.history.push(snapshot(check));
      checkRuns.push(check);
      return [201, check];
    }
    if (method === 'PATCH' && (match = /^\/repos\/[^/]+\/[^/]+\/check-runs\/(\d+)$/.exec(path))) {
      const check = checkRuns.find((candidate) => candidate.id === Number(match![1]));
      if (!check) return [404, { message: 'Not Found' }];
      if (typeof body.status === 'string') check.status = body.status;
      if (typeof body.conclusion === 'string') {
        check.conclusion = body.conclusion;
        check.status = 'completed';
      }
      if (typeof body.details_url === 'string') check.details_url = body.details_url;
      if (typeof body.completed_at === 'string') check.completed_at = body.completed_at;
      if (body.output && typeof body.output === 'object') {
        const output = body.output as StoredCheckRun['output'];
        check.output = { title: output.title ?? check.output.title, summary: output.summary ?? check.output.summary };
      }
      check.history.push(snapshot(check));
      return [200, check];
    }
    if (method === 'GET' && (match = /^\/repos\/[^/]+\/[^/]+\/commits\/(.+)\/check-runs$/.exec(path))) {
      const ref = decodeURIComponent(match[1]!);
      const sha = branches.get(ref) ?? ref;
      const runs = checkRuns.filter((check) => check.head_sha === sha && (!query.check_name || check.name === query.check_name)).reverse();
      return [200, { total_count: runs.length, check_runs: runs }];
    }
    if ((match = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(path))) {
      const issue = Number(match[1]);
      if (method === 'GET') {
        const perPage = Number(query.per_page ?? 30);
        const page = Number(query.page ?? 1);
        const all = comments.filter((comment) => comment.issue_number === issue);
        return [200, all.slice((page - 1) * perPage, page * perPage)];
      }
      if (method === 'POST') {
        if (typeof body.body !== 'string') return [422, { message: 'body is required' }];
        const comment: StoredComment = {
          id: nextId++,
          issue_number: issue,
          body: body.body,
          user: login ? { login, type: 'User' } : { login: options.apps?.[token] ? `${app}[bot]` : STAND_IN_BOT_LOGIN, type: 'Bot' },
        };
        comments.push(comment);
        return [201, comment];
      }
    }
    if (method === 'DELETE' && (match = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(path))) {
      const index = comments.findIndex((candidate) => candidate.id === Number(match![1]));
      if (index === -1) return [404, { message: 'Not Found' }];
      comments.splice(index, 1);
      return [204, undefined];
    }
    if (method === 'PATCH' && (match = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(path))) {
      const comment = comments.find((candidate) => candidate.id === Number(match![1]));
      if (!comment) return [404, { message: 'Not Found' }];
      if (typeof body.body === 'string') comment.body = body.body;
      return [200, comment];
    }
    return routeGitData(git, method, path, body, apiUrl) ?? [404, { message: `stand-in has no route for ${method} ${path}` }];
  }

  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://stand-in');
      const method = (request.method ?? 'GET').toUpperCase();
      const query = Object.fromEntries(url.searchParams);
      const headers = Object.fromEntries(Object.entries(request.headers).map(([key, value]) => [key, String(value)]));
      let rawBody = '';
      let body: unknown = undefined;
      try {
        rawBody = await readBody(request);
        body = rawBody ? JSON.parse(rawBody) : undefined;
      } catch {
        body = undefined;
      }
      const record: RecordedRequest = { method, path: url.pathname, query, headers, body, rawBody, status: 0 };
      requests.push(record);
      const reply = (status: number, payload: unknown, extra?: Record<string, string>) => {
        record.status = status;
        send(response, status, payload, extra);
      };
      if (options.token && headers.authorization !== `token ${options.token}` && headers.authorization !== `Bearer ${options.token}`) {
        return reply(401, { message: 'Bad credentials' });
      }
      const fault = takeFault(method, url.pathname);
      if (fault) {
        const extra: Record<string, string> = fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
        if (fault.status === 429 || fault.status === 403) extra['x-ratelimit-remaining'] = fault.status === 429 ? '0' : '4999';
        return reply(fault.status, { message: fault.message ?? (fault.status === 403 ? 'Resource not accessible by integration' : 'stand-in fault') }, extra);
      }
      const token = (headers.authorization ?? '').replace(/^(token|Bearer) /, '');
      const [status, payload] = route(method, url.pathname, query, (body ?? {}) as Record<string, unknown>, token);
      reply(status, payload);
    })().catch(() => {
      if (!response.headersSent) send(response, 500, { message: 'stand-in error' });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  apiUrl = `http://127.0.0.1:${port}`;

  return {
    url: apiUrl,
    requests,
    checkRuns,
    comments,
    branches,
    git,
    addFault: (fault) => faults.push({ ...fault }),
    addComment: (issueNumber, body, login) => {
      const comment: StoredComment = { id: nextId++, issue_number: issueNumber, body, user: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' } };
      comments.push(comment);
      return comment;
    },
    clearFaults: () => faults.splice(0),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
