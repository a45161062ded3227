// Which commit and pull request a run is about, from the runner's event payload.
import * as z from 'zod/mini';
import type { RunContext as GateRunContext } from '@evalgate/gate';

export interface RunContext {
  owner: string;
  repo: string;
  eventName: string;
  /** The commit the check goes on: a pull request's head, never its merge commit. */
  sha: string;
  /** Branch of that commit, when known (a PR's head branch, a push's branch). */
  ref?: string;
  prNumber?: number;
  /** A PR's base branch: where the baseline comes from. */
  baseRef?: string;
  /** The PR comes from another repository; its token is read-only. */
  isFork: boolean;
  runId?: string;
  /** GITHUB_RUN_ATTEMPT: a re-run keeps the run id and counts up the attempt. */
  runAttempt?: string;
  /** Link to the workflow run, for the check and summary. */
  runUrl?: string;
  /** The repository's default branch, when the event payload names it (badge-branch publishes only there). */
  defaultBranch?: string;
  /** GITHUB_SERVER_URL without a trailing slash, e.g. https://github.com. */
  serverUrl?: string;
}

const repoSchema = z.nullish(z.looseObject({ full_name: z.optional(z.string()) }));

const pullRequestSchema = z.looseObject({
  number: z.number().check(z.int()),
  head: z.looseObject({ sha: z.string().check(z.minLength(7)), ref: z.optional(z.string()), repo: repoSchema }),
  base: z.looseObject({ ref: z.optional(z.string()), repo: repoSchema }),
});

const payloadSchema = z.looseObject({
  pull_request: z.optional(pullRequestSchema),
  after: z.optional(z.string()),
  repository: z.optional(z.looseObject({ default_branch: z.optional(z.string().check(z.minLength(1))) })),
});

export interface EventSource {
  eventName: string;
  /** The parsed event file, or undefined when there is none. */
  payload: unknown;
  /** `owner/repo` (GITHUB_REPOSITORY). */
  repository: string;
  /** GITHUB_SHA. */
  sha?: string;
  /** GITHUB_REF, e.g. refs/heads/main. */
  ref?: string;
  runId?: string;
  runAttempt?: string;
  serverUrl?: string;
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review']);

/** Resolves the commit to check; throws an Error naming the missing variable. */
export function contextFromEvent(source: EventSource): RunContext {
  const [owner, repo, ...rest] = source.repository.split('/');
  if (!owner || !repo || rest.length > 0) {
    throw new Error(`GITHUB_REPOSITORY must be "owner/repo" (got ${JSON.stringify(source.repository)})`);
  }
  const parsed = payloadSchema.safeParse(source.payload ?? {});
  const payload = parsed.success ? parsed.data : {};
  const serverUrl = (source.serverUrl ?? 'https://github.com').replace(/\/+$/, '');
  const defaultBranch = payload.repository?.default_branch;
  const base = { owner, repo, eventName: source.eventName, isFork: false, serverUrl, ...(defaultBranch ? { defaultBranch } : {}) };
  const withRun = <T extends object>(context: T): T & Pick<RunContext, 'runId' | 'runAttempt' | 'runUrl'> =>
    source.runId
      ? {
          ...context,
          runId: source.runId,
          ...(source.runAttempt ? { runAttempt: source.runAttempt } : {}),
          runUrl: `${serverUrl}/${owner}/${repo}/actions/runs/${source.runId}`,
        }
      : context;

  const pr = payload.pull_request;
  if (PULL_REQUEST_EVENTS.has(source.eventName) || pr) {
    if (!pr) throw new Error(`the ${source.eventName} event payload has no pull_request (GITHUB_EVENT_PATH)`);
    const headRepo = pr.head.repo?.full_name;
    const baseRepo = pr.base.repo?.full_name ?? source.repository;
    const context: RunContext = { ...base, sha: pr.head.sha, prNumber: pr.number, isFork: !!headRepo && headRepo !== baseRepo };
    if (pr.head.ref) context.ref = pr.head.ref;
    if (pr.base.ref) context.baseRef = pr.base.ref;
    return withRun(context);
  }
  const after = payload.after && !/^0+$/.test(payload.after) ? payload.after : undefined;
  const sha = (source.eventName === 'push' ? after : undefined) ?? source.sha;
  if (!sha) throw new Error(`GITHUB_SHA is not set, so the ${source.eventName} event has no commit to check`);
  const context: RunContext = { ...base, sha };
  const branch = source.ref?.startsWith('refs/heads/') ? source.ref.slice('refs/heads/'.length) : undefined;
  if (branch) context.ref = branch;
  return withRun(context);
}

/** The gate's neutral view of this run. */
export function gateContextOf(context: RunContext): GateRunContext {
  return {
    repository: `${context.owner}/${context.repo}`,
    eventName: context.eventName,
    sha: context.sha,
    isFork: context.isFork,
    ...(context.ref !== undefined ? { ref: context.ref } : {}),
    ...(context.baseRef !== undefined ? { baseRef: context.baseRef } : {}),
    ...(context.prNumber !== undefined ? { prNumber: context.prNumber } : {}),
    ...(context.runId !== undefined ? { runId: context.runId } : {}),
    ...(context.runAttempt !== undefined ? { runAttempt: context.runAttempt } : {}),
    ...(context.runUrl !== undefined ? { runUrl: context.runUrl } : {}),
  };
}
