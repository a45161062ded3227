// The Action's building blocks for the bench (bench/suites/action-overhead.mjs bundles them): the public entry
// `@evalgate/action/internals`, so nothing outside this workspace imports its private paths. Not a stable API.
export { run } from './run.js';
export { parseInputs } from './inputs/parse.js';
export { contextFromEvent } from './github/event.js';
export { OctokitPort } from './github/octokit-port.js';
export { withRetries } from './github/retrying-port.js';
