// How hard GitHub calls are retried: by @octokit/plugin-retry (5xx, no answer) and @octokit/plugin-throttling
// (rate limits), both asking this policy. Once the step is over (cancelled or out of time) the runner kills the
// process within seconds, so the last writes (completing the check) get one short retry instead of minutes of them.

/** Retries after the first attempt for a 5xx or a dropped connection: 1 s, 4 s, 9 s apart (plugin-retry's n²). */
export const RETRIES = 3;
export const RETRIES_AFTER_STEP = 1;
/** The longest rate-limit pause waited for, in seconds (GitHub's secondary limits ask for 60 s). */
export const MAX_RATE_LIMIT_WAIT_S = 60;
export const MAX_RATE_LIMIT_WAIT_AFTER_STEP_S = 3;
export const MAX_RATE_LIMIT_RETRIES = 3;

export interface GitHubRetryPolicy {
  /** Retries of a request that got a 5xx or no answer. */
  retries(): number;
  /** Whether to wait `retryAfterSeconds` and try again a request rate-limited `retryCount` times before. */
  retryRateLimited(retryAfterSeconds: number, retryCount: number): boolean;
}

/** `stepOver`: the step's signal fired (workflow cancelled or timeout-minutes passed). */
export function gitHubRetryPolicy(stepOver: () => boolean): GitHubRetryPolicy {
  return {
    retries: () => (stepOver() ? RETRIES_AFTER_STEP : RETRIES),
    retryRateLimited: (retryAfterSeconds, retryCount) =>
      stepOver()
        ? retryCount < RETRIES_AFTER_STEP && retryAfterSeconds <= MAX_RATE_LIMIT_WAIT_AFTER_STEP_S
        : retryCount < MAX_RATE_LIMIT_RETRIES && retryAfterSeconds <= MAX_RATE_LIMIT_WAIT_S,
  };
}
