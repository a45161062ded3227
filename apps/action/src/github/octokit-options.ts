// The Octokit options main() passes with @octokit/plugin-retry and @octokit/plugin-throttling: GitHub's own
// retry and rate-limit plugins replace a hand-written loop; this policy decides how long they may go on.
import type { Logger } from '@evalgate/gate';
import type { GitHubRetryPolicy } from './retry-policy.js';

export interface OctokitRetryOptions {
  retry: { doNotRetry: number[]; retries: number; retryAfterBaseValue: number };
  throttle: {
    retryAfterBaseValue: number;
    onRateLimit: (retryAfter: number, options: RequestOptions, octokit: unknown, retryCount: number) => boolean;
    onSecondaryRateLimit: (retryAfter: number, options: RequestOptions, octokit: unknown, retryCount: number) => boolean;
  };
}

interface RequestOptions {
  method?: string;
  url?: string;
}

/**
 * Client errors are final; 429 is left to the throttling plugin, which honours GitHub's reset time and retry-after.
 * `baseMs` scales every pause (1000: seconds; tests shrink it).
 */
export function octokitRetryOptions(policy: GitHubRetryPolicy, logger: Logger, baseMs = 1000): OctokitRetryOptions {
  const onLimit = (kind: string) => (retryAfter: number, options: RequestOptions, _octokit: unknown, retryCount: number) => {
    const retry = policy.retryRateLimited(retryAfter, retryCount);
    logger.debug(`GitHub ${kind} on ${options.method ?? ''} ${options.url ?? ''}: ${retry ? `retrying in ${retryAfter} s` : 'not retrying'}`);
    return retry;
  };
  return {
    retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451], retries: policy.retries(), retryAfterBaseValue: baseMs },
    throttle: { retryAfterBaseValue: baseMs, onRateLimit: onLimit('rate limit'), onSecondaryRateLimit: onLimit('secondary rate limit') },
  };
}

/** What @octokit/plugin-retry adds to an Octokit instance (its documented `octokit.retry.retryRequest`). */
interface RetryPluginApi {
  retry: { retryRequest: (error: unknown, retries: number, retryAfter: number) => unknown };
}

/**
 * Caps plugin-retry's retries by what the policy allows when a request fails (fewer once the step is over). The
 * plugin's own `request.retries` per request cannot do it: set on every request, it retries client errors too.
 */
export function applyRetryPolicy<T extends object>(octokit: T, policy: GitHubRetryPolicy): T {
  const plugin = (octokit as Partial<RetryPluginApi>).retry;
  if (!plugin) throw new Error('applyRetryPolicy needs an Octokit built with @octokit/plugin-retry');
  const retryRequest = plugin.retryRequest.bind(plugin);
  plugin.retryRequest = (error, retries, retryAfter) => retryRequest(error, Math.min(retries, policy.retries()), retryAfter);
  return octokit;
}
