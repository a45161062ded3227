// Public entry of the GitHub stand-in: tests, the demo and the bench import only from here.
export { startGitHubStandIn } from './stand-in.js';
export {
  STAND_IN_BOT_LOGIN,
  type GitHubFault,
  type GitHubStandIn,
  type RecordedRequest,
  type StandInOptions,
  type StoredCheckRun,
  type StoredComment,
} from './types.js';
export type { GitStore, StoredCommit, StoredTreeEntry } from './git-data.js';
