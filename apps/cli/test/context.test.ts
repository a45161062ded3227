import { describe, expect, it } from 'vitest';
import { detectCi, runContextFrom } from '../src/gate/context.js';

const SHA = '0123456789abcdef0123456789abcdef01234567';

describe('the run context from the CI system', () => {
  it('reads a GitLab merge request, and marks one from another project as a fork', () => {
    const env = {
      GITLAB_CI: 'true',
      CI_PROJECT_PATH: 'acme/widgets',
      CI_COMMIT_SHA: SHA,
      CI_COMMIT_REF_NAME: 'feature',
      CI_MERGE_REQUEST_IID: '42',
      CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
      CI_JOB_ID: '7',
      CI_JOB_URL: 'https://gitlab.example.test/j/7',
    };
    expect(runContextFrom(env, {})).toEqual({
      repository: 'acme/widgets',
      eventName: 'merge_request',
      sha: SHA,
      ref: 'feature',
      baseRef: 'main',
      prNumber: 42,
      isFork: false,
      runId: '7',
      runUrl: 'https://gitlab.example.test/j/7',
    });
    expect(runContextFrom({ ...env, CI_MERGE_REQUEST_SOURCE_PROJECT_PATH: 'someone/widgets' }, {})).toMatchObject({ isFork: true });
    expect(runContextFrom({ GITLAB_CI: 'true', CI_COMMIT_SHA: SHA, CI_PIPELINE_SOURCE: 'schedule' }, {})).toMatchObject({ eventName: 'schedule' });
  });

  it('reads Jenkins, CircleCI and Buildkite pull requests with their numbers', () => {
    expect(
      runContextFrom(
        { JENKINS_URL: 'https://j.test/', GIT_COMMIT: SHA, CHANGE_ID: '9', CHANGE_TARGET: 'main', CHANGE_BRANCH: 'feature', JOB_NAME: 'widgets/PR-9' },
        {},
      ),
    ).toMatchObject({ eventName: 'pull_request', prNumber: 9, baseRef: 'main', ref: 'feature' });
    expect(
      runContextFrom(
        {
          CIRCLECI: 'true',
          CIRCLE_SHA1: SHA,
          CIRCLE_PULL_REQUEST: 'https://github.com/acme/widgets/pull/31',
          CIRCLE_PROJECT_USERNAME: 'acme',
          CIRCLE_PROJECT_REPONAME: 'widgets',
        },
        {},
      ),
    ).toMatchObject({ repository: 'acme/widgets', eventName: 'pull_request', prNumber: 31 });
    expect(
      runContextFrom(
        { BUILDKITE: 'true', BUILDKITE_COMMIT: SHA, BUILDKITE_PULL_REQUEST: '5', BUILDKITE_PULL_REQUEST_BASE_BRANCH: 'main', BUILDKITE_RETRY_COUNT: '1' },
        {},
      ),
    ).toMatchObject({ eventName: 'pull_request', prNumber: 5, baseRef: 'main', runAttempt: '1' });
    expect(runContextFrom({ BUILDKITE: 'true', BUILDKITE_COMMIT: SHA, BUILDKITE_PULL_REQUEST: 'false' }, {})).toMatchObject({ eventName: 'push' });
  });

  it('outside CI uses --sha, else git HEAD, and says when it has neither', () => {
    expect(detectCi({})).toBe('local');
    expect(runContextFrom({}, { gitSha: SHA })).toEqual({ repository: 'local', eventName: 'manual', sha: SHA, isFork: false });
    expect(runContextFrom({}, { sha: 'abc1234', gitSha: SHA })).toMatchObject({ sha: 'abc1234' });
    expect(runContextFrom({ GITLAB_CI: 'true', CI_COMMIT_SHA: SHA }, { sha: 'abc1234' })).toMatchObject({ sha: 'abc1234' });
    expect(runContextFrom({}, {})).toEqual({ missing: 'sha' });
  });
});
