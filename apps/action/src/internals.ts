// The Action's building blocks for the bench (bench/suites/action-overhead.mjs bundles them): the public entry
// `@evalgate/action/internals`, so nothing outside this workspace imports its private paths. Not a stable API.
export { run } from './run.js';
export { parseInputs } from './inputs/parse.js';
export { contextFromEvent } from './github/event.js';
export { OctokitPort } from './github/octokit-port.js';
export { withCreateCheckLookup } from './github/create-check-lookup.js';
export { gitHubRetryPolicy } from './github/retry-policy.js';

import type { Clock, Logger } from '@evalgate/gate';
import { withCreateCheckLookup } from './github/create-check-lookup.js';
import type { GitHubPort } from './github/port.js';
import { gitHubRetryPolicy } from './github/retry-policy.js';

/**
 * The GitHub port as main() wraps it, for the bench's in-process runs: the create-check lookup under the running
 * step's retry policy (main() also adds @octokit/plugin-retry and plugin-throttling to the Octokit it passes in).
 */
export function withRetries(port: GitHubPort, options: { clock: Clock; logger: Logger }): GitHubPort {
  return withCreateCheckLookup(port, { ...options, policy: gitHubRetryPolicy(() => false) });
}
