// badge-branch: the badge published where a README can show it. On a run for the default branch the SVG and the
// shields.io endpoint JSON are committed to a branch of their own (one commit per change, one pair of files per check
// name), and the Markdown to paste into a README is printed.
import type { GitHubPort } from '../github/port.js';
import { isPermissionProblem } from '../github/port.js';
import { commitFiles, type CommitOutcome } from './commit-files.js';

/** Events whose run on the default branch may update the badge: the ones only people with write access cause. */
const PUBLISHING_EVENTS: ReadonlySet<string> = new Set(['push', 'workflow_dispatch', 'schedule']);

export interface BadgeBranchContext {
  owner: string;
  repo: string;
  eventName: string;
  sha: string;
  /** The branch this run is for. */
  ref?: string;
  /** The repository's default branch, from the event payload. */
  defaultBranch?: string;
  /** GITHUB_SERVER_URL, e.g. https://github.com. */
  serverUrl?: string;
}

export interface BadgeBranchRequest {
  branch: string;
  checkName: string;
  gate: string;
  /** How the run ended; a cancelled run (e.g. superseded by a newer push) leaves the badge as it was. */
  status: string;
  svg: string;
  json: string;
  context: BadgeBranchContext;
}

interface Log {
  info(message: string): void;
  warning(message: string): void;
}

/** The file name (without extension) of a check's badge: the check name, lower-case, in `a-z0-9._-`. */
export function badgeFileBase(checkName: string): string {
  const base = checkName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80)
    .replace(/[-.]+$/, '');
  return base === '' ? 'evalgate' : base;
}

/** Why this run does not publish, or undefined when it does. */
export function whyNotPublished(request: BadgeBranchRequest): string | undefined {
  const { context, branch } = request;
  const run = `this is a ${context.eventName} run${context.ref ? ` on ${context.ref}` : ''}`;
  if (!PUBLISHING_EVENTS.has(context.eventName)) return `only a push (or a dispatch or schedule) on the default branch updates it; ${run}`;
  if (!context.defaultBranch) return `the ${context.eventName} event does not name the repository's default branch`;
  if (context.ref !== context.defaultBranch) return `only a push (or a dispatch or schedule) on the default branch ${context.defaultBranch} updates it; ${run}`;
  if (branch === context.defaultBranch) return `badge-branch is the default branch ${branch}; name a branch of its own, e.g. badges`;
  if (request.status === 'cancelled') return 'the run was cancelled; the badge keeps the last result';
  return undefined;
}

function pathSegments(branch: string): string {
  return branch.split('/').map(encodeURIComponent).join('/');
}

/**
 * README Markdown for the committed badge: the SVG from the branch, and on github.com the shields.io endpoint
 * (shields.io must be able to read the JSON, so a public repository only).
 */
export function readmeMarkdown(request: Pick<BadgeBranchRequest, 'branch' | 'checkName' | 'context'>): string[] {
  const { owner, repo } = request.context;
  const server = (request.context.serverUrl ?? 'https://github.com').replace(/\/+$/, '');
  const base = badgeFileBase(request.checkName);
  const alt = request.checkName.replace(/[[\]\\\r\n]/g, ' ');
  const repoPath = `${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
  const lines = [`![${alt}](${server}/${repoPath}/raw/${pathSegments(request.branch)}/${base}.svg)`];
  if (server === 'https://github.com') {
    const json = `https://raw.githubusercontent.com/${repoPath}/${pathSegments(request.branch)}/${base}.json`;
    lines.push(`![${alt}](https://img.shields.io/endpoint?url=${encodeURIComponent(json)})`);
  }
  return lines;
}

/**
 * Commits the badge when this run is for the default branch. Returns the job summary section (the Markdown to paste)
 * when the badge is on the branch, else undefined; never throws: a failure is a warning naming the fix.
 */
export async function publishBadgeToBranch(github: GitHubPort | undefined, log: Log, request: BadgeBranchRequest): Promise<string | undefined> {
  const skip = whyNotPublished(request);
  if (skip) {
    log.info(`The badge was not committed to ${request.branch} (badge-branch): ${skip}.`);
    return undefined;
  }
  if (!github) {
    log.warning(`The badge was not committed to ${request.branch} (badge-branch): no github-token.`);
    return undefined;
  }
  const base = badgeFileBase(request.checkName);
  const files = { [`${base}.svg`]: request.svg, [`${base}.json`]: request.json };
  const checkName = request.checkName.replace(/[\r\n]+/g, ' ');
  // [skip ci]: a personal token's push would otherwise start workflows on the badge branch (GITHUB_TOKEN's never do).
  const message = `${checkName} badge: ${request.gate} at ${request.context.sha.slice(0, 12)} [skip ci]`;
  let outcome: CommitOutcome;
  try {
    outcome = await commitFiles(github, request.branch, files, message);
  } catch (error) {
    const why = isPermissionProblem(error)
      ? `the token cannot write to the repository (HTTP ${(error as { status?: number }).status}); grant "contents: write" to the job`
      : (error as Error).message;
    log.warning(`The badge was not committed to ${request.branch} (badge-branch): ${why}`);
    return undefined;
  }
  const markdown = readmeMarkdown(request);
  const done =
    outcome.kind === 'unchanged'
      ? `The badge on ${request.branch} is already up to date (${base}.svg, ${base}.json).`
      : `Badge committed to ${request.branch}${outcome.createdBranch ? ' (new branch)' : ''}: ${base}.svg and ${base}.json in ${outcome.commitSha.slice(0, 12)}.`;
  log.info(`${done} Paste into a README:\n${markdown.join('\n')}`);
  return [`#### Badge`, '', done, 'Paste into a README:', '', '```markdown', ...markdown, '```'].join('\n');
}
