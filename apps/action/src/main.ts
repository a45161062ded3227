// The only place that touches the runner: process.env, @actions/core and @actions/github. Everything else is run().
import { readFileSync } from 'node:fs';
import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { createClient, type EvalClient } from '@evalgate/core';
import {
  abortOnTermination,
  COMMON_SETTINGS,
  makeRedactor,
  parsePendingCreate,
  secretValuesOf,
  STATE,
  stepSignal,
  systemClock,
  workspaceFiles,
  type Logger,
  type Redact,
} from '@evalgate/gate';
import { cleanUpAfterMain } from './cancel/cleanup.js';
import type { ActionSink } from './deps.js';
import { contextFromEvent, type EventSource } from './github/event.js';
import { forkWithoutSecretsReason, reportForkSkip } from './github/fork-without-secrets.js';
import { OctokitPort } from './github/octokit-port.js';
import type { GitHubPort } from './github/port.js';
import { withCreateCheckLookup } from './github/create-check-lookup.js';
import { applyRetryPolicy, octokitRetryOptions } from './github/octokit-options.js';
import { gitHubRetryPolicy } from './github/retry-policy.js';
import { parseInputs } from './inputs/parse.js';
import { readRawInputs } from './inputs/read.js';
import { actionInputs, type RawInputs } from './inputs/table.js';
import type { ActionInputs } from './inputs/types.js';
import { redactingGitHub } from './redacting-exits.js';
import { run } from './run.js';
import { ACTION_VERSION } from './version.js';

const USER_AGENT = `evalgate-action/${ACTION_VERSION}`;

function actionsLogger(redact: (text: string) => string): Logger {
  return {
    info: (message) => core.info(redact(message)),
    warning: (message) => core.warning(redact(message)),
    error: (message) => core.error(redact(message)),
    debug: (message) => core.debug(redact(message)),
  };
}

const sink: ActionSink = {
  setOutput: (name, value) => core.setOutput(name, value),
  appendSummary: async (markdown) => {
    await core.summary.addRaw(markdown).addEOL().write();
  },
  saveState: (name, value) => core.saveState(name, value),
};

/**
 * Every GitHub call goes to GITHUB_API_URL, read now, so a local server can stand in for GitHub. Retries and rate
 * limits are GitHub's own plugins', cut short once `stepOver` says the step was cancelled or ran out of time.
 */
function gitHubPort(token: string | undefined, owner: string, repo: string, logger: Logger, stepOver: () => boolean): GitHubPort | undefined {
  if (!token) return undefined;
  const baseUrl = (process.env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '');
  const policy = gitHubRetryPolicy(stepOver);
  const octokit = getOctokit(token, { baseUrl, userAgent: USER_AGENT, ...octokitRetryOptions(policy, logger) }, retry, throttling);
  const port = new OctokitPort(applyRetryPolicy(octokit, policy), owner, repo, token.startsWith('ghs_'));
  return withCreateCheckLookup(port, { clock: systemClock, logger, policy });
}

function evalClient(inputs: Pick<ActionInputs, 'provider' | 'baseUrl' | 'allowInsecureHttp'>, apiKey: string, logger: Logger): EvalClient {
  return createClient({
    provider: inputs.provider,
    apiKey,
    ...(inputs.baseUrl ? { baseUrl: inputs.baseUrl } : {}),
    allowInsecureHttp: inputs.allowInsecureHttp,
    // Rate-limit storms happen; waiting a little longer is cheaper than failing a PR check.
    maxRetries: 8,
    // Core warns on each retry; those are routine, so they stay log lines rather than annotations on the PR.
    logger: { debug: (message) => logger.debug(message), warn: (message) => logger.info(message) },
    userAgent: USER_AGENT,
  });
}

function readEventPayload(): unknown {
  const path = process.env.GITHUB_EVENT_PATH;
  if (!path) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw new Error(`GITHUB_EVENT_PATH (${path}) is not a readable JSON event: ${(error as Error).message}`);
  }
}

function eventSource(): EventSource {
  return {
    eventName: process.env.GITHUB_EVENT_NAME ?? 'workflow_dispatch',
    payload: readEventPayload(),
    repository: process.env.GITHUB_REPOSITORY ?? '',
    ...(process.env.GITHUB_SHA ? { sha: process.env.GITHUB_SHA } : {}),
    ...(process.env.GITHUB_REF ? { ref: process.env.GITHUB_REF } : {}),
    ...(process.env.GITHUB_RUN_ID ? { runId: process.env.GITHUB_RUN_ID } : {}),
    ...(process.env.GITHUB_RUN_ATTEMPT ? { runAttempt: process.env.GITHUB_RUN_ATTEMPT } : {}),
    ...(process.env.GITHUB_SERVER_URL ? { serverUrl: process.env.GITHUB_SERVER_URL } : {}),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The step's inputs, each read once, with the secrets among them masked and the one redactor built from them. */
interface StepStart {
  raw: RawInputs;
  apiKey: string;
  /** Empty when there is none. */
  token: string;
  redact: Redact;
  logger: Logger;
}

/** Masks the secrets before anything is logged, including input errors. */
function startStep(): StepStart {
  const raw = readRawInputs((name) => core.getInput(name));
  const apiKey = raw['api-key'] ?? '';
  const token = raw['github-token'] ?? '';
  // The key and the token, and every other input marked secret (eval-config with its custom_secrets, data-source).
  const secrets = secretValuesOf(raw, actionInputs());
  for (const secret of secrets) core.setSecret(secret);
  const redact = makeRedactor(secrets);
  return { raw, apiKey, token, redact, logger: actionsLogger(redact) };
}

export async function main(): Promise<void> {
  const { raw, apiKey, token, redact, logger } = startStep();
  const controller = new AbortController();
  const uninstall = abortOnTermination(process, controller, (message) => logger.warning(message));
  try {
    // Read and parsed once: the event file does not change during the step.
    const context = contextFromEvent(eventSource());
    const forkSkip = forkWithoutSecretsReason(context, apiKey);
    if (forkSkip) {
      await reportForkSkip(forkSkip, sink, logger);
      return;
    }
    const inputs = parseInputs(raw);
    if (inputs.allowInsecureHttp && inputs.baseUrl?.startsWith('http:')) {
      logger.warning(
        `allow-insecure-http is set: the ${inputs.provider} API key is sent over plain http to base-url; use https unless this is a private network you trust.`,
      );
    }
    // timeout-minutes covers every request of the step (create, search, retries, Retry-After pauses), not just the wait.
    const signal = stepSignal(controller.signal, inputs.timeoutMinutes);
    const github = gitHubPort(token || undefined, context.owner, context.repo, logger, () => signal.aborted);
    const outcome = await run({
      inputs,
      context,
      client: evalClient(inputs, apiKey, logger),
      ...(github ? { github } : {}),
      logger,
      clock: systemClock,
      sink,
      files: workspaceFiles(process.env.GITHUB_WORKSPACE ?? process.cwd()),
      signal,
      redact,
    });
    if (outcome.failed) core.setFailed(redact(outcome.message));
    else core.info(redact(outcome.message));
  } catch (error) {
    core.setFailed(redact(messageOf(error)));
  } finally {
    uninstall();
  }
  // Cancelled: exit now rather than wait for idle sockets; the runner is about to kill the process anyway.
  if (controller.signal.aborted) process.exit(process.exitCode ?? 1);
}

/** The post step: finishes what a killed main step left (remote evaluation, in-progress check). */
export async function postMain(): Promise<void> {
  const evaluationId = core.getState(STATE.evaluationId);
  const checkRunId = Number(core.getState(STATE.checkRunId));
  const hasCheck = Number.isInteger(checkRunId) && checkRunId > 0;
  const pendingCreate = parsePendingCreate(core.getState(STATE.pendingCreate));
  if (core.getState(STATE.completed) === 'true' || (!evaluationId && !hasCheck && !pendingCreate)) {
    core.info('evalgate: nothing to clean up.');
    return;
  }
  const { raw, apiKey, token, redact, logger } = startStep();
  try {
    let client: EvalClient | undefined;
    let inputs: ActionInputs | undefined;
    try {
      inputs = parseInputs(raw);
      client = evalClient(inputs, apiKey, logger);
    } catch (error) {
      logger.warning(`Post step cannot reach the provider: ${messageOf(error)}`);
    }
    const context = contextFromEvent(eventSource());
    // The post step is a step of its own, with its own time: its retries are the normal, bounded ones.
    const port = gitHubPort(token || undefined, context.owner, context.repo, logger, () => false);
    const github = port && redactingGitHub(port, redact);
    await cleanUpAfterMain({
      ...(client ? { client } : {}),
      ...(github ? { github } : {}),
      logger,
      clock: systemClock,
      state: {
        ...(evaluationId ? { evaluationId } : {}),
        ...(pendingCreate ? { pendingCreate } : {}),
        ...(hasCheck ? { checkRunId } : {}),
        sha: context.sha,
        checkName: inputs?.checkName ?? (raw['check-name'] || COMMON_SETTINGS['check-name'].default),
      },
    });
  } catch (error) {
    logger.warning(`Post step failed: ${messageOf(error)}`);
  }
}
