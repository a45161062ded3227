// The run context from the CI system's own variables, so evaluations are tagged with the real revision and a re-run
// of the same job re-attaches instead of paying twice. Unknown CI: the git revision the caller found, else `--sha`.
import type { RunContext } from '@evalgate/gate';

type Env = Readonly<Record<string, string | undefined>>;

/** Only the fields the CI system set: an unset variable leaves its field out. */
function defined(value: Record<string, string | number | boolean | undefined>): Partial<RunContext> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined && item !== ''));
}

function prNumber(text: string | undefined): number | undefined {
  const match = text ? /(\d+)\/?$/.exec(text) : null;
  return match ? Number(match[1]) : undefined;
}

function gitlab(env: Env): Partial<RunContext> {
  const mr = env.CI_MERGE_REQUEST_IID;
  return defined({
    repository: env.CI_PROJECT_PATH,
    eventName: mr ? 'merge_request' : env.CI_PIPELINE_SOURCE === 'schedule' ? 'schedule' : 'push',
    sha: env.CI_COMMIT_SHA,
    ref: env.CI_COMMIT_REF_NAME,
    baseRef: env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME,
    prNumber: prNumber(mr),
    isFork: Boolean(mr && env.CI_MERGE_REQUEST_SOURCE_PROJECT_PATH && env.CI_MERGE_REQUEST_SOURCE_PROJECT_PATH !== env.CI_PROJECT_PATH),
    runId: env.CI_JOB_ID,
    runUrl: env.CI_JOB_URL,
  });
}

function jenkins(env: Env): Partial<RunContext> {
  return defined({
    repository: env.JOB_NAME,
    eventName: env.CHANGE_ID ? 'pull_request' : 'push',
    sha: env.GIT_COMMIT,
    ref: env.CHANGE_BRANCH ?? env.BRANCH_NAME ?? env.GIT_BRANCH,
    baseRef: env.CHANGE_TARGET,
    prNumber: prNumber(env.CHANGE_ID),
    runId: env.BUILD_TAG,
    runUrl: env.BUILD_URL,
  });
}

function circleci(env: Env): Partial<RunContext> {
  const project = env.CIRCLE_PROJECT_USERNAME && env.CIRCLE_PROJECT_REPONAME ? `${env.CIRCLE_PROJECT_USERNAME}/${env.CIRCLE_PROJECT_REPONAME}` : undefined;
  return defined({
    repository: project,
    eventName: env.CIRCLE_PULL_REQUEST ? 'pull_request' : 'push',
    sha: env.CIRCLE_SHA1,
    ref: env.CIRCLE_BRANCH,
    prNumber: prNumber(env.CIRCLE_PULL_REQUEST),
    runId: env.CIRCLE_WORKFLOW_JOB_ID ?? env.CIRCLE_BUILD_NUM,
    runUrl: env.CIRCLE_BUILD_URL,
  });
}

function buildkite(env: Env): Partial<RunContext> {
  const pr = env.BUILDKITE_PULL_REQUEST && env.BUILDKITE_PULL_REQUEST !== 'false' ? env.BUILDKITE_PULL_REQUEST : undefined;
  return defined({
    repository:
      env.BUILDKITE_ORGANIZATION_SLUG && env.BUILDKITE_PIPELINE_SLUG ? `${env.BUILDKITE_ORGANIZATION_SLUG}/${env.BUILDKITE_PIPELINE_SLUG}` : undefined,
    eventName: pr ? 'pull_request' : env.BUILDKITE_SOURCE === 'schedule' ? 'schedule' : 'push',
    sha: env.BUILDKITE_COMMIT,
    ref: env.BUILDKITE_BRANCH,
    baseRef: pr ? env.BUILDKITE_PULL_REQUEST_BASE_BRANCH : undefined,
    prNumber: prNumber(pr),
    runId: env.BUILDKITE_JOB_ID,
    runAttempt: env.BUILDKITE_RETRY_COUNT,
    runUrl: env.BUILDKITE_BUILD_URL,
  });
}

function githubActions(env: Env): Partial<RunContext> {
  return defined({
    repository: env.GITHUB_REPOSITORY,
    eventName: env.GITHUB_EVENT_NAME,
    sha: env.GITHUB_SHA,
    ref: env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME,
    baseRef: env.GITHUB_BASE_REF,
    runId: env.GITHUB_RUN_ID,
    runAttempt: env.GITHUB_RUN_ATTEMPT,
  });
}

/** Which CI system the variables say this is; `local` when none. */
export function detectCi(env: Env): 'gitlab' | 'jenkins' | 'circleci' | 'buildkite' | 'github' | 'local' {
  if (env.GITLAB_CI) return 'gitlab';
  if (env.JENKINS_URL) return 'jenkins';
  if (env.CIRCLECI) return 'circleci';
  if (env.BUILDKITE) return 'buildkite';
  if (env.GITHUB_ACTIONS) return 'github';
  return 'local';
}

export interface ContextOverrides {
  /** `--sha`, else the git HEAD the entry point read. */
  sha?: string | undefined;
  gitSha?: string | undefined;
  repository?: string;
}

export function runContextFrom(env: Env, overrides: ContextOverrides): RunContext | { missing: 'sha' } {
  const ci = detectCi(env);
  const found: Partial<RunContext> =
    ci === 'gitlab'
      ? gitlab(env)
      : ci === 'jenkins'
        ? jenkins(env)
        : ci === 'circleci'
          ? circleci(env)
          : ci === 'buildkite'
            ? buildkite(env)
            : ci === 'github'
              ? githubActions(env)
              : { eventName: 'manual' };
  const sha = overrides.sha ?? found.sha ?? overrides.gitSha;
  if (!sha) return { missing: 'sha' };
  return {
    isFork: false,
    ...found,
    repository: overrides.repository ?? found.repository ?? 'local',
    eventName: found.eventName ?? 'manual',
    sha,
  };
}
