// Keeps docs/ci honest: each recipe's `evalgate gate` command line runs against the emulator with that CI system's
// variables, the JUnit file validates against the Ant JUnit XSD, and the CI system is told to read the file the
// command writes.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createClient } from '@evalgate/core';
import type { Emulator } from '@evalgate/emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { baseEnv, runCli } from './support/cli-process.js';
import { API_KEY, startTestEmulator } from './support/emulator.js';
import { junitSchemaErrors } from './support/junit-schema.js';

const RECIPES = new URL('../../../docs/ci/', import.meta.url);
const SHA = '3f2a9c1e5b7d8f0a1c2e3d4b5a6978877665544a';

/** The words of the one `evalgate gate …` line in a recipe, without the executable, shell-split. */
function gateArgs(text: string): string[] {
  const lines = text
    .split('\n')
    .filter((line) => /(^|[\s/'])evalgate gate /.test(line) && !line.trimStart().startsWith('#') && !line.trimStart().startsWith('//'));
  expect(lines).toHaveLength(1);
  const command = lines[0]!.slice(lines[0]!.indexOf('evalgate gate ') + 'evalgate gate '.length).replace(/'\s*$/, '');
  const words = [...command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((match) => match[1] ?? match[2] ?? match[3] ?? '');
  for (const word of words) expect(word, 'recipes pass plain words: no variables or substitutions the test cannot expand').not.toMatch(/[$`]/);
  return words;
}

function flagValue(args: string[], flag: string): string | undefined {
  const index = args.indexOf(flag);
  return index === -1 ? undefined : args[index + 1];
}

let emulator: Emulator;
let work: string;
beforeEach(async () => {
  emulator = await startTestEmulator({ scores: [0.8, 0.9, 0.75] });
  work = await mkdtemp(join(tmpdir(), 'evalgate-recipe-'));
});
afterEach(async () => {
  await emulator.close();
  await rm(work, { recursive: true, force: true });
});

async function runRecipe(file: string, ciEnv: Record<string, string>): Promise<{ args: string[]; text: string; junit: string }> {
  const text = await readFile(new URL(file, RECIPES), 'utf8');
  const args = gateArgs(text);
  expect(args).not.toContain('--api-key');
  // The recipe's settings, plus what the CI system's secret store and (here) the emulator provide.
  const env = baseEnv({ ...ciEnv, EVALGATE_API_KEY: API_KEY, EVALGATE_BASE_URL: emulator.baseUrls.prime, EVALGATE_POLL_INTERVAL_SECONDS: '0.2' });
  const run = await runCli(['gate', ...args], { env, cwd: work });
  expect(run.stderr).not.toContain(API_KEY);
  expect(run.code, run.stderr).toBe(0);
  const junitPath = flagValue(args, '--junit');
  expect(junitPath).toBeDefined();
  const junit = await readFile(join(work, junitPath!), 'utf8');
  expect(await junitSchemaErrors(junit)).toEqual([]);
  expect(junit).toContain('<testcase name="min-avg-score 0.7" classname="evalgate.prime"');
  // The evaluation carries the revision the CI system named, so a re-run re-attaches to it.
  const evaluation = emulator.evaluations('prime')[0];
  expect(evaluation).toBeDefined();
  const client = createClient({ provider: 'prime', apiKey: API_KEY, baseUrl: emulator.baseUrls.prime });
  expect((await client.get(evaluation!.id)).metadata?.evalgate_sha).toBe(SHA);
  return { args, text, junit };
}

describe('docs/ci recipes', () => {
  it('GitLab CI: the junit and dotenv reports are the files the command writes, kept when the gate fails', async () => {
    const { args, text } = await runRecipe('gitlab-ci.yml', {
      GITLAB_CI: 'true',
      CI_COMMIT_SHA: SHA,
      CI_PROJECT_PATH: 'acme/widgets',
      CI_COMMIT_REF_NAME: 'feature',
      CI_MERGE_REQUEST_IID: '12',
      CI_JOB_ID: '901',
    });
    const job = (parseYaml(text) as Record<string, { artifacts: { when: string; reports: { junit: string; dotenv: string } } }>).evalgate!;
    expect(job.artifacts.when).toBe('always');
    expect(job.artifacts.reports.junit).toBe(flagValue(args, '--junit'));
    expect(job.artifacts.reports.dotenv).toBe(flagValue(args, '--dotenv'));
    const dotenv = await readFile(join(work, flagValue(args, '--dotenv')!), 'utf8');
    expect(dotenv).toContain('EVALGATE_GATE=pass\n');
  });

  it('Jenkins: junit in post/always reads the file the command writes', async () => {
    const { args, text } = await runRecipe('Jenkinsfile', {
      JENKINS_URL: 'https://ci.example.test/',
      GIT_COMMIT: SHA,
      JOB_NAME: 'acme/widgets/main',
      BRANCH_NAME: 'main',
      BUILD_TAG: 'jenkins-widgets-7',
    });
    const post = text.slice(text.indexOf('post {'));
    expect(post).toMatch(/always \{[^}]*junit testResults: '([^']+)'/);
    expect(/junit testResults: '([^']+)'/.exec(post)?.[1]).toBe(flagValue(args, '--junit'));
  });

  it('CircleCI: store_test_results holds the folder the command writes into', async () => {
    const { args, text } = await runRecipe('circleci.yml', {
      CIRCLECI: 'true',
      CIRCLE_SHA1: SHA,
      CIRCLE_PROJECT_USERNAME: 'acme',
      CIRCLE_PROJECT_REPONAME: 'widgets',
      CIRCLE_BRANCH: 'feature',
      CIRCLE_BUILD_NUM: '55',
    });
    const config = parseYaml(text) as { jobs: { evalgate: { steps: unknown[] } } };
    const store = config.jobs.evalgate.steps.find(
      (step): step is { store_test_results: { path: string } } => typeof step === 'object' && step !== null && 'store_test_results' in step,
    );
    const junitPath = flagValue(args, '--junit')!;
    expect(junitPath.startsWith(`${store!.store_test_results.path}/`)).toBe(true);
    expect(dirname(junitPath)).not.toBe('.');
  });

  it('Buildkite: the artifact upload and the junit-annotate plugin read the file the command writes', async () => {
    const { args, text } = await runRecipe('buildkite.yml', {
      BUILDKITE: 'true',
      BUILDKITE_COMMIT: SHA,
      BUILDKITE_ORGANIZATION_SLUG: 'acme',
      BUILDKITE_PIPELINE_SLUG: 'widgets',
      BUILDKITE_BRANCH: 'feature',
      BUILDKITE_PULL_REQUEST: 'false',
      BUILDKITE_JOB_ID: 'job-1',
    });
    const pipeline = parseYaml(text) as { steps: Array<Record<string, unknown>> };
    const junitPath = flagValue(args, '--junit')!;
    const gateStep = pipeline.steps[0] as { artifact_paths: string[] };
    expect(gateStep.artifact_paths.some((glob) => glob === junitPath || (glob.endsWith('/*') && junitPath.startsWith(glob.slice(0, -1))))).toBe(true);
    expect(pipeline.steps[1]).toEqual({ wait: null, continue_on_failure: true });
    const plugins = pipeline.steps[2]!.plugins as Array<Record<string, { artifacts: string }>>;
    const annotate = Object.entries(plugins[0]!).find(([name]) => name.startsWith('junit-annotate#'));
    expect(annotate?.[1].artifacts).toBe(junitPath);
  });
});
