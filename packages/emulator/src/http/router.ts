/** A minimal method + path-pattern router (`/api/v1/evaluations/:id`); trailing slashes are ignored. */
import type { RequestBody } from './body.js';
import type { Reply } from './reply.js';

export interface RouteContext {
  params: Record<string, string>;
  query: URLSearchParams;
  body: RequestBody;
  /** The clock reading for this request. */
  now: number;
}

export type Handler = (ctx: RouteContext) => Reply | Promise<Reply>;

export interface Route {
  method: string;
  pattern: string;
  handler: Handler;
}

export type RouteMatch = { route: Route; params: Record<string, string> } | { methodNotAllowed: true } | null;

const segments = (path: string): string[] => path.split('/').filter((part) => part !== '');

export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  const actual = segments(path);
  let pathMatched = false;
  for (const route of routes) {
    const params = matchPattern(segments(route.pattern), actual);
    if (!params) continue;
    if (route.method === method) return { route, params };
    pathMatched = true;
  }
  return pathMatched ? { methodNotAllowed: true } : null;
}

function matchPattern(pattern: string[], actual: string[]): Record<string, string> | null {
  if (pattern.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i] as string;
    const got = actual[i] as string;
    if (expected.startsWith(':')) params[expected.slice(1)] = decodeURIComponent(got);
    else if (expected !== got) return null;
  }
  return params;
}
