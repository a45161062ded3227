// What the stand-in records and stores, and how a test configures it.
import type { GitStore } from './git-data.js';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  /** Raw body text, to check that no secret was sent. */
  rawBody: string;
  status: number;
}

export interface StoredCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  external_id: string | null;
  details_url: string | null;
  started_at: string | null;
  completed_at: string | null;
  output: { title: string | null; summary: string | null; text?: string | null };
  /** Every state the check was in, in order: the create body, then each update merged in. */
  history: Array<{ status: string; conclusion: string | null; title: string | null; summary: string | null }>;
}

export interface StoredComment {
  id: number;
  issue_number: number;
  body: string;
  /** The author, as GitHub returns it. */
  user: { login: string; type: 'Bot' | 'User' };
}

/** Who a token without an entry in `StandInOptions.users` is: GITHUB_TOKEN's identity. */
export const STAND_IN_BOT_LOGIN = 'github-actions[bot]';

export interface GitHubFault {
  /** HTTP status to answer with. */
  status: number;
  /** How many matching requests fail. */
  count: number;
  match?: { method?: string; pathIncludes?: string };
  /** Seconds, sent as retry-after. */
  retryAfter?: number;
  message?: string;
}

export interface GitHubStandIn {
  url: string;
  requests: RecordedRequest[];
  checkRuns: StoredCheckRun[];
  comments: StoredComment[];
  /** `commits/{ref}/check-runs` resolves a branch name through this map. */
  branches: Map<string, string>;
  /** The git data API's objects and refs (refs by full name, e.g. "refs/heads/badges"). */
  git: GitStore;
  addFault(fault: GitHubFault): void;
  /** A comment written by someone else (e.g. a PR author forging our marker). */
  addComment(issueNumber: number, body: string, login: string): StoredComment;
  clearFaults(): void;
  close(): Promise<void>;
}

export interface StandInOptions {
  port?: number;
  /** Only this token is accepted (401 otherwise); any token when unset. */
  token?: string;
  /**
   * Personal tokens: token → login. `GET /user` names that login and its comments are authored by it. Any other
   * token acts like GITHUB_TOKEN: `GET /user` answers 403 and its comments are authored by github-actions[bot].
   */
  users?: Record<string, string>;
  /**
   * GitHub App installation tokens: token → app slug. GraphQL `viewer` names the slug and comments are authored by
   * "<slug>[bot]". Any other non-personal token is GITHUB_TOKEN: viewer "github-actions", author github-actions[bot].
   */
  apps?: Record<string, string>;
}
