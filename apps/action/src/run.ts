// The action's flow, with every dependency passed in: find or create the evaluation, show it as a check,
// wait, finalize, gate, report. main.ts wires it to the runner; tests wire it to fakes or local servers.
import { createHash } from 'node:crypto';
import { isTransientError, type CreateEvaluationRequest, type Evaluation } from '@evalgate/core';
import type { RunDeps } from './deps.js';
import { STATE } from './deps.js';
import { isStepTimeout } from './cancel/step-deadline.js';
import { cancelRemote, describeRemoteCancel } from './evaluation/cancel-remote.js';
import { renderName } from './evaluation/name.js';
import { findLostCreate } from './evaluation/lost-create.js';
import { findReattachment } from './evaluation/reattach.js';
import { createRequest, type ResolvedSettings } from './evaluation/request.js';
import { parseSamples } from './evaluation/samples.js';
import { DeadlineError, waitForTerminal } from './evaluation/wait.js';
import { findBaseline } from './gate/baseline.js';
import type { BaselineLookup, Gate, Verdict } from './gate/types.js';
import { decideVerdict } from './gate/verdict.js';
import { CheckReporter } from './github/check-reporter.js';
import type { CheckConclusion } from './github/port.js';
import { InputError } from './inputs/parse.js';
import { publish } from './publish.js';
import { makeRedactor } from './redact.js';
import type { ResultJson } from './report/result-json.js';
import { progressTitle } from './report/title.js';
import { configFingerprint, tagsFor } from './tags.js';

export interface RunOutcome {
  gate: Gate;
  conclusion: CheckConclusion;
  /** The step should fail (gate failed with fail-on: failure, timed out, cancelled or errored). */
  failed: boolean;
  /** One line for the log / setFailed. */
  message: string;
  result: ResultJson;
}

const NO_BASELINE: BaselineLookup = { note: 'not looked up' };
const CREATE_ATTEMPTS = 5;

export async function run(deps: RunDeps): Promise<RunOutcome> {
  const { inputs, context, client, logger, clock, sink, signal } = deps;
  const redact = makeRedactor([inputs.apiKey, inputs.githubToken]);
  const checks = new CheckReporter({
    ...(deps.github ? { github: deps.github } : {}),
    clock,
    logger,
    checkName: inputs.checkName,
    sha: context.sha,
    isFork: context.isFork,
  });
  const deadline = clock.now() + inputs.timeoutMinutes * 60_000;
  let evaluation: Evaluation | undefined;
  let reattached = false;

  try {
    const resolved = await resolveSettings(deps);
    const fingerprint = experimentFingerprint(inputs, resolved);
    const samplesMode = resolved.samples !== undefined;
    logger.info(`Checking ${context.owner}/${context.repo}@${context.sha.slice(0, 7)} (${context.eventName}) with ${inputs.provider}; config ${fingerprint}`);

    const { found, checks: earlierChecks } = await findReattachment({
      client,
      ...(deps.github ? { github: deps.github } : {}),
      context,
      checkName: inputs.checkName,
      fingerprint,
      onlyCompleted: samplesMode,
      ...(inputs.settings.provider === 'openai' ? { evalId: inputs.settings.evalId } : {}),
      logger,
      signal,
    });
    if (found) {
      evaluation = found.evaluation;
      reattached = true;
      logger.info(`Re-attaching to ${inputs.provider} evaluation ${evaluation.id} (${evaluation.rawStatus}) created by an earlier attempt for this commit; nothing new is created.`);
    } else {
      const request = createRequest(resolved, renderName(inputs.nameTemplate, context, inputs.checkName), tagsFor(context, inputs.checkName, fingerprint));
      evaluation = await createWithRetries(deps, request);
      logger.info(`Created ${inputs.provider} evaluation ${evaluation.id}${evaluation.reportUrl ? `: ${evaluation.reportUrl}` : ''}`);
    }
    sink.saveState(STATE.evaluationId, evaluation.id);
    sink.saveState(STATE.completed, 'false');
    await checks.start(evaluation, found?.checkRun);
    if (checks.id !== undefined) sink.saveState(STATE.checkRunId, String(checks.id));
    await checks.supersede(earlierChecks);

    if (samplesMode && resolved.samples && evaluation.status !== 'completed') {
      logger.info(`Pushing ${resolved.samples.length} samples from ${inputs.settings.provider === 'prime' && inputs.settings.mode === 'samples' ? inputs.settings.samplesFile : 'samples-file'}`);
      await client.pushSamples(evaluation.id, resolved.samples, { signal });
      evaluation = await client.finalize(evaluation.id, { signal });
    }

    evaluation = await waitForTerminal(evaluation.id, {
      client,
      clock,
      signal,
      deadline,
      pollIntervalMs: inputs.pollIntervalSeconds * 1000,
      onProgress: (current) => {
        logger.info(`${current.id}: ${progressTitle(current)}`);
        checks.progress(current);
      },
    });

    if (evaluation.status === 'completed' && client.capabilities.finalize && !samplesMode) {
      evaluation = await finalize(deps, evaluation);
    }
    const baseline = await findBaseline(
      { inputs, context, client, ...(deps.github ? { github: deps.github } : {}), signal, warn: (message) => logger.warning(redact(message)) },
      evaluation,
    );
    logger.info(baseline.baseline ? `Baseline used: ${baseline.baseline.description}` : `No baseline: ${baseline.note}`);
    const verdict = decideVerdict({ evaluation, thresholds: inputs.thresholds, baseline, failOn: inputs.failOn });
    const result = await publish(deps, checks, { evaluation, verdict, baseline, reattached });
    return outcome(verdict, result, verdict.gate === 'pass' ? `Gate passed: ${result.status}` : `Gate ${verdict.gate}: ${verdict.reasons.join('; ')}`);
  } catch (error) {
    if (signal.aborted) return stopped(deps, checks, evaluation, reattached, isStepTimeout(signal) ? 'timed_out' : 'cancelled');
    if (error instanceof DeadlineError) return stopped(deps, checks, evaluation, reattached, 'timed_out');
    // main() reports it (setFailed); logging it here too would print it twice.
    const message = redact(describe(error));
    const verdict: Verdict = { gate: 'inconclusive', conclusion: 'failure', criteria: [], reasons: [message] };
    const result = await publish(deps, checks, {
      ...(evaluation ? { evaluation } : {}),
      verdict,
      baseline: NO_BASELINE,
      reattached,
      errorMessage: message,
      statusOverride: 'error',
    });
    return { gate: 'inconclusive', conclusion: 'failure', failed: true, message, result };
  }
}

function outcome(verdict: Verdict, result: ResultJson, message: string): RunOutcome {
  const failed = verdict.conclusion === 'failure' || verdict.conclusion === 'timed_out' || verdict.conclusion === 'cancelled';
  return { gate: verdict.gate, conclusion: verdict.conclusion, failed, message, result };
}

/** Cancelled by the workflow or out of time: cancel remotely where possible, and never leave the check in progress. */
async function stopped(
  deps: RunDeps,
  checks: CheckReporter,
  evaluation: Evaluation | undefined,
  reattached: boolean,
  why: 'cancelled' | 'timed_out',
): Promise<RunOutcome> {
  const { client, logger, inputs } = deps;
  const cause = why === 'cancelled' ? 'The workflow was cancelled' : `No result within timeout-minutes (${inputs.timeoutMinutes} min)`;
  logger.warning(`${cause}; stopping.`);
  let remote = 'no evaluation had been created yet';
  let latest = evaluation;
  if (evaluation) {
    const cancelled = await cancelRemote(client, evaluation.id, logger, evaluation);
    remote = describeRemoteCancel(cancelled, client.provider, evaluation.id);
    if (cancelled.kind === 'cancelled') latest = cancelled.evaluation;
  }
  const reason = `${cause}; ${remote}.`;
  const verdict: Verdict = { gate: 'inconclusive', conclusion: why, criteria: [], reasons: [reason] };
  const shown = latest && { ...latest, status: why, rawStatus: latest.rawStatus } satisfies Evaluation;
  const result = await publish(deps, checks, {
    ...(shown ? { evaluation: shown } : {}),
    verdict,
    baseline: NO_BASELINE,
    reattached,
    statusOverride: why,
  });
  return outcome(verdict, result, reason);
}

/** Same provider, settings and data: the same experiment, whatever the evaluation's name or the samples file's path. */
function experimentFingerprint(inputs: RunDeps['inputs'], resolved: ResolvedSettings): string {
  const settings = inputs.settings.provider === 'prime' && inputs.settings.mode === 'samples' ? { ...inputs.settings, samplesFile: undefined } : inputs.settings;
  return configFingerprint({
    provider: inputs.provider,
    baseUrl: inputs.baseUrl,
    settings,
    dataSource: resolved.dataSource,
    samples: resolved.samples && createHash('sha256').update(JSON.stringify(resolved.samples)).digest('hex'),
  });
}

async function resolveSettings(deps: RunDeps): Promise<ResolvedSettings> {
  const { settings } = deps.inputs;
  if (settings.provider === 'openai' && settings.dataSource.kind === 'file') {
    const path = settings.dataSource.path;
    let parsed: unknown;
    try {
      parsed = JSON.parse(await deps.files.read(path));
    } catch (error) {
      throw new InputError([{ input: 'data-source', message: `must be JSON or a readable JSON file; ${path}: ${(error as Error).message}` }]);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed) || typeof (parsed as { type?: unknown }).type !== 'string') {
      throw new InputError([{ input: 'data-source', message: `${path} must hold a JSON object with a "type"` }]);
    }
    return { settings, dataSource: parsed as Record<string, unknown> };
  }
  if (settings.provider === 'openai' && settings.dataSource.kind === 'inline') return { settings, dataSource: settings.dataSource.value };
  if (settings.provider === 'prime' && settings.mode === 'samples') {
    let text: string;
    try {
      text = await deps.files.read(settings.samplesFile);
    } catch (error) {
      throw new InputError([{ input: 'samples-file', message: `could not be read: ${(error as Error).message}` }]);
    }
    return { settings, samples: parseSamples(text, settings.samplesFile) };
  }
  return { settings };
}

/**
 * Creates the evaluation. Core retries what is safe (429, connection refused); a 5xx on a create may or may not have
 * created it, so look for a lost one before trying again, and a flaky provider does not make us pay twice.
 */
async function createWithRetries(deps: RunDeps, request: CreateEvaluationRequest): Promise<Evaluation> {
  const { client, logger, clock, signal } = deps;
  const since = clock.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await client.create(request, { signal });
    } catch (error) {
      if (signal.aborted || !isTransientError(error) || attempt >= CREATE_ATTEMPTS) throw error;
      const pause = Math.min(1000 * 2 ** (attempt - 1), 10_000);
      logger.warning(`Creating the evaluation failed (${(error as Error).message}); checking whether it was created, then attempt ${attempt + 1} of ${CREATE_ATTEMPTS}.`);
      await clock.sleep(pause, signal);
      const lost = await findLostCreate(client, request, since, signal);
      if (lost) {
        logger.info(`The failed create did go through: using ${lost.id}.`);
        return lost;
      }
    }
  }
}

/** Prime computes the final statistics here; a failure falls back to what the last read said. */
async function finalize(deps: RunDeps, evaluation: Evaluation): Promise<Evaluation> {
  try {
    const finalized = await deps.client.finalize(evaluation.id, { signal: deps.signal });
    return { ...evaluation, ...finalized, scores: finalized.scores ?? evaluation.scores };
  } catch (error) {
    if (deps.signal.aborted) throw error;
    deps.logger.warning(`Finalizing ${evaluation.id} failed (${(error as Error).message}); using the last read scores.`);
    return evaluation;
  }
}

function describe(error: unknown): string {
  if (error instanceof InputError) return error.message;
  if (error instanceof Error) {
    const status = (error as { status?: unknown }).status;
    const requestId = (error as { requestId?: unknown }).requestId;
    const extra = [typeof status === 'number' ? `HTTP ${status}` : '', typeof requestId === 'string' ? `request ${requestId}` : '']
      .filter(Boolean)
      .join(', ');
    return `${error.name}: ${error.message}${extra ? ` (${extra})` : ''}`;
  }
  return String(error);
}
