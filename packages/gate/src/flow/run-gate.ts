// The gate's flow, with every dependency passed in: find or create the evaluation, show it, wait, finalize, compare
// with a baseline, decide, report. Each front end (the Action, the CLI) wires it to its host through ports.ts.
import { createHash } from 'node:crypto';
import { APIError, isTerminal, isTransientError, progressFraction, type CreateEvaluationRequest, type Evaluation } from '@evalgate/core';
import { isStepTimeout } from '../deadline.js';
import { cancelRemote, describeRemoteCancel } from '../evaluation/cancel-remote.js';
import { createTargetOf, findLostCreate, type PendingCreate } from '../evaluation/lost-create.js';
import { renderName } from '../evaluation/name.js';
import { findReattachment } from '../evaluation/reattach.js';
import { gateProviderOf, listScopeOf } from '../providers/registry.js';
import { createRequest, type ResolvedSettings } from '../evaluation/request.js';
import { DeadlineError, waitForTerminal } from '../evaluation/wait.js';
import { STATE, type GateDeps, type Logger } from '../ports.js';
import type { FinalReport } from '../report/model.js';
import { resultJsonOf, type ResultJson } from '../report/result-json.js';
import { statusLine } from '../report/title.js';
import { InputError } from '../settings/input-error.js';
import type { GateSettings } from '../settings/types.js';
import { runStatusOf, type Conclusion, type Gate, type RunStatus } from '../status.js';
import { configFingerprint, runAttemptKey, tagsFor } from '../tags.js';
import { findBaseline } from '../verdict/baseline.js';
import { pushedSampleScores, readSampleScores } from '../report/sample-scores.js';
import type { BaselineLookup, Verdict } from '../verdict/types.js';
import { decideVerdict } from '../verdict/verdict.js';

export interface GateOutcome {
  status: RunStatus;
  gate: Gate;
  conclusion: Conclusion;
  /** The step should fail (gate failed with fail-on: failure, timed out, cancelled or errored). */
  failed: boolean;
  /** One line for the log / setFailed. */
  message: string;
  report: FinalReport;
  /** The result JSON without host ids (the Action adds its check run id to the one it outputs). */
  result: ResultJson;
}

const NO_BASELINE: BaselineLookup = { note: 'not looked up' };
const CREATE_ATTEMPTS = 5;
/**
 * After a cancel, how long an unanswered create is still awaited so the evaluation it made can be cancelled. The
 * runner sends SIGINT, then SIGTERM 7.5 s later and SIGKILL 2.5 s after that: this leaves time for the cancel.
 */
export const CREATE_GRACE_MS = 4_000;

export async function runGate(deps: GateDeps): Promise<GateOutcome> {
  const { settings, context, client, logger, clock, state, reporter, signal, redact } = deps;
  const deadline = clock.now() + settings.timeoutMinutes * 60_000;
  let evaluation: Evaluation | undefined;
  let reattached = false;
  let createPending = false;

  try {
    const resolved = await resolveSettings(deps);
    const fingerprint = experimentFingerprint(settings, resolved);
    const samplesMode = resolved.samples !== undefined;
    logger.info(`Checking ${context.repository}@${context.sha.slice(0, 7)} (${context.eventName}) with ${settings.provider}; config ${fingerprint}`);

    const { found, earlier } = await findReattachment({
      client,
      ...(deps.earlierRuns ? { earlierRuns: deps.earlierRuns } : {}),
      context,
      fingerprint,
      now: clock.now(),
      onlyCompleted: samplesMode,
      ...listScopeOf(settings.settings),
      logger,
      signal,
    });
    if (found) {
      evaluation = found.evaluation;
      reattached = true;
      logger.info(
        `Re-attaching to ${settings.provider} evaluation ${evaluation.id}, ${statusLine(evaluation)}, ${reattachOrigin(found.evaluation.metadata?.evalgate_run, runAttemptKey(context))}; nothing new is created.`,
      );
    } else {
      const request = createRequest(
        resolved,
        renderName(settings.nameTemplate, context, settings.checkName),
        tagsFor(context, settings.checkName, fingerprint),
      );
      state.save(STATE.completed, 'false');
      // Should the run stop before the create is answered, a cleanup step finds and cancels what it made.
      const pending: PendingCreate = { since: clock.now(), target: createTargetOf(request) };
      state.save(STATE.pendingCreate, JSON.stringify(pending));
      createPending = true;
      evaluation = await createWithRetries(deps, request);
      createPending = false;
      state.save(STATE.pendingCreate, '');
      logger.info(
        `Created ${settings.provider} evaluation ${evaluation.id}, ${statusLine(evaluation)}${evaluation.reportUrl ? `: ${evaluation.reportUrl}` : ''}`,
      );
    }
    state.save(STATE.evaluationId, evaluation.id);
    state.save(STATE.completed, 'false');
    // A cancel that arrived while the create was in flight: the evaluation exists now, so stop it rather than leave it.
    if (signal.aborted) return await stopped(deps, evaluation, reattached, 'cancelled');
    const reattachedRun = found?.earlier;
    await reporter.started(evaluation, {
      ...(reattachedRun ? { earlier: reattachedRun } : {}),
      superseded: earlier.filter((run) => run.id !== reattachedRun?.id),
    });

    if (samplesMode && resolved.samples && evaluation.status !== 'completed') {
      logger.info(`Pushing ${resolved.samples.length} samples from ${resolved.samplesFrom ?? 'samples-file'}`);
      await client.pushSamples(evaluation.id, resolved.samples, { signal });
      evaluation = await client.finalize(evaluation.id, { signal });
    }

    const progressLog = changeLogger(logger);
    progressLog(evaluation);
    evaluation = await waitForTerminal(evaluation.id, {
      client,
      clock,
      signal,
      deadline,
      pollIntervalMs: settings.pollIntervalSeconds * 1000,
      ...(reattached || samplesMode ? {} : { created: evaluation }),
      onProgress: (current) => {
        evaluation = current;
        progressLog(current);
        reporter.progress(current);
      },
      onPollError: (error) => logger.warning(`A poll of ${settings.provider} evaluation ${evaluation?.id ?? ''} failed; polling on. ${describe(error)}`),
    });
    progressLog(evaluation);

    // Outside samples mode the evaluation is hosted, and finalizing a hosted one only reads it again (computing
    // scores from its samples when it reports none): the poll that saw it completed has just read it.
    if (evaluation.status === 'completed' && client.capabilities.finalize && !samplesMode && evaluation.scores === undefined) {
      evaluation = await finalize(deps, evaluation);
    }
    const baseline = await findBaseline(
      {
        inputs: settings,
        context,
        client,
        ...(deps.baselineTrust ? { baselineTrust: deps.baselineTrust } : {}),
        signal,
        warn: (message) => logger.warning(redact(message)),
      },
      evaluation,
    );
    logger.info(baseline.baseline ? `Baseline used: ${baseline.baseline.description}` : `No baseline: ${baseline.note}`);
    const verdict = decideVerdict({ evaluation, thresholds: settings.thresholds, baseline, failOn: settings.failOn });
    const status = runStatusOf(evaluation.status);
    const sampleScores =
      resolved.samples && evaluation.status === 'completed'
        ? pushedSampleScores(resolved.samples)
        : await readSampleScores(client, evaluation, { signal, warn: (message) => logger.info(redact(message)) });
    const report = await finish(deps, { evaluation, status, verdict, baseline, reattached, settled: true, ...(sampleScores ? { sampleScores } : {}) });
    return outcome(report, verdict.gate === 'pass' ? `Gate passed: evaluation ${report.status}` : `Gate ${verdict.gate}: ${verdict.reasons.join('; ')}`);
  } catch (error) {
    if (signal.aborted) return stopped(deps, evaluation, reattached, isStepTimeout(signal) ? 'timed_out' : 'cancelled', createPending);
    if (error instanceof DeadlineError) return stopped(deps, error.lastEvaluation ?? evaluation, reattached, 'timed_out', false, error.message);
    // The adapter reports it (setFailed, stderr); logging it here too would print it twice.
    const message = redact(describe(error));
    const verdict: Verdict = { gate: 'inconclusive', conclusion: 'failure', criteria: [], reasons: [message] };
    const report = await finish(deps, {
      ...(evaluation ? { evaluation } : {}),
      status: 'error',
      verdict,
      baseline: NO_BASELINE,
      reattached,
      errorMessage: message,
      settled: true,
    });
    return { ...outcome(report, message), failed: true };
  }
}

type Ending = Omit<FinalReport, 'checkName' | 'provider' | 'sha' | 'runUrl'>;

/** Hands the report to the host; the run is settled for a cleanup step once the host has it (or says so earlier). */
async function finish(deps: GateDeps, ending: Ending): Promise<FinalReport> {
  const { settings, context } = deps;
  const report: FinalReport = {
    checkName: settings.checkName,
    provider: settings.provider,
    sha: context.sha,
    ...(context.runUrl ? { runUrl: context.runUrl } : {}),
    ...ending,
  };
  let settledSaved = false;
  const settle = () => {
    if (settledSaved || !report.settled) return;
    settledSaved = true;
    deps.state.save(STATE.completed, 'true');
  };
  await deps.reporter.finished(report, settle);
  settle();
  return report;
}

function outcome(report: FinalReport, message: string): GateOutcome {
  const { verdict } = report;
  const failed = verdict.conclusion === 'failure' || verdict.conclusion === 'timed_out' || verdict.conclusion === 'cancelled';
  return { status: report.status, gate: verdict.gate, conclusion: verdict.conclusion, failed, message, report, result: resultJsonOf(report) };
}

/**
 * Logs a poll when something changed: the status (normalized beside the provider's own, so an unknown status such
 * as ARCHIVING is visible) or the progress by a new tenth of the work.
 */
function changeLogger(logger: Logger): (evaluation: Evaluation) => void {
  let lastStatus = '';
  let lastTenth = -1;
  return (evaluation) => {
    const status = `${evaluation.status}/${evaluation.rawStatus}`;
    const fraction = progressFraction(evaluation.progress);
    const tenth = fraction === undefined ? -1 : Math.floor(fraction * 10);
    if (status === lastStatus && tenth <= lastTenth) return;
    lastStatus = status;
    lastTenth = tenth;
    logger.info(`${evaluation.id}: ${statusLine(evaluation)}`);
  };
}

/** Where a re-attached evaluation came from: this job's earlier attempt, or a sibling job (same config) of this run. */
function reattachOrigin(foundAttempt: string | undefined, ownAttempt: string | undefined): string {
  if (foundAttempt !== undefined && ownAttempt !== undefined && foundAttempt === ownAttempt) {
    return 'shared with another job of this workflow run that has the same config (e.g. a matrix sibling)';
  }
  return 'created for this commit and config by an earlier run or attempt';
}

/**
 * Cancelled by the workflow or out of time: cancel remotely where possible, never leave the check in progress, and
 * say truthfully what became of the evaluation (also when a create was still unanswered).
 */
async function stopped(
  deps: GateDeps,
  evaluation: Evaluation | undefined,
  reattached: boolean,
  why: 'cancelled' | 'timed_out',
  createPending = false,
  /** What the wait knew at the deadline, e.g. the last error. */
  detail?: string,
): Promise<GateOutcome> {
  const { client, logger, settings } = deps;
  const cause =
    why === 'cancelled'
      ? (deps.cancelCause ?? 'Cancelled')
      : `No result within timeout-minutes (${settings.timeoutMinutes} min)${detail && detail !== 'timeout-minutes passed' ? ` (${detail})` : ''}`;
  logger.warning(`${cause}; stopping.`);
  let remote = createPending
    ? `the create request got no answer within ${CREATE_GRACE_MS / 1000} s; ${
        deps.cleanupStep
          ? `${deps.cleanupStep} will look for the evaluation it may have made at ${client.provider} and cancel it`
          : `an evaluation it may have made at ${client.provider} is not known and keeps running`
      }`
    : 'no evaluation had been created yet';
  let latest = evaluation;
  // An unanswered create leaves work for a cleanup step.
  let settled = !createPending;
  if (evaluation) {
    // Without a cancel operation, read it once more: it may have finished meanwhile, and the log must say which.
    if (!client.capabilities.cancel && !isTerminal(evaluation.status)) {
      latest = await client.get(evaluation.id, { timeoutMs: 3_000, maxRetries: 0 }).catch(() => evaluation);
    }
    const cancelled = await cancelRemote(client, evaluation.id, logger, latest);
    remote = describeRemoteCancel(cancelled, client.provider, evaluation.id);
    // Keep what the last poll knew (progress, partial scores) where the cancel answer is thinner.
    if (cancelled.kind === 'cancelled')
      latest = {
        ...latest,
        ...cancelled.evaluation,
        scores: cancelled.evaluation.scores ?? latest?.scores,
        progress: cancelled.evaluation.progress ?? latest?.progress,
      } as Evaluation;
    // A cleanup step tries again what could not be done now.
    settled = cancelled.kind !== 'failed';
  }
  const reason = `${cause}; ${remote}.`;
  logger.info(reason);
  const verdict: Verdict = { gate: 'inconclusive', conclusion: why, criteria: [], reasons: [reason] };
  const report = await finish(deps, {
    ...(latest ? { evaluation: latest } : {}),
    status: why,
    verdict,
    baseline: NO_BASELINE,
    reattached,
    settled,
  });
  return outcome(report, reason);
}

/** Same provider, settings and data: the same experiment, whatever the evaluation's name or the samples file's path. */
function experimentFingerprint(inputs: GateSettings, resolved: ResolvedSettings): string {
  const provider = gateProviderOf(inputs.settings);
  return configFingerprint({
    provider: inputs.provider,
    baseUrl: inputs.baseUrl,
    settings: provider.fingerprintSettings ? provider.fingerprintSettings(inputs.settings) : inputs.settings,
    dataSource: resolved.dataSource,
    samples: resolved.samples && createHash('sha256').update(JSON.stringify(resolved.samples)).digest('hex'),
  });
}

/** The settings with what their files hold (the provider reads them: OpenAI's data source, Prime's samples). */
async function resolveSettings(deps: GateDeps): Promise<ResolvedSettings> {
  const { settings } = deps.settings;
  const files = await gateProviderOf(settings).readFiles?.(settings, deps.files);
  return { settings, ...files };
}

/**
 * Creates the evaluation. Core retries what is safe (429, connection refused); a 5xx on a create may or may not have
 * created it, so look for a lost one before trying again, and a flaky provider does not make us pay twice.
 */
async function createWithRetries(deps: GateDeps, request: CreateEvaluationRequest): Promise<Evaluation> {
  const { client, logger, clock, signal } = deps;
  const since = clock.now();
  for (let attempt = 1; ; attempt++) {
    // A cancel does not abort a create in flight at once: its answer is awaited a little longer, so the evaluation
    // it made is known (and cancelled) instead of left running unseen.
    const grace = abortAfterGrace(signal, CREATE_GRACE_MS);
    try {
      return await client.create(request, { signal: grace.signal });
    } catch (error) {
      if (signal.aborted || !isTransientError(error) || attempt >= CREATE_ATTEMPTS) throw error;
      const pause = Math.min(1000 * 2 ** (attempt - 1), 10_000);
      logger.warning(
        `Creating the evaluation failed (${(error as Error).message}); checking whether it was created, then attempt ${attempt + 1} of ${CREATE_ATTEMPTS}.`,
      );
      await clock.sleep(pause, signal);
      const lost = await findLostCreate(client, createTargetOf(request), since, signal);
      if (lost) {
        logger.info(`The failed create did go through: using ${lost.id}.`);
        // A list row can be a summary (Acme's carries no score); the wait takes what it is given as read, and returns
        // a finished one as is, so read the evaluation itself as a create would have answered it.
        return await client.get(lost.id, { signal });
      }
    } finally {
      grace.dispose();
    }
  }
}

/** A signal that aborts `graceMs` after `signal` does. */
function abortAfterGrace(signal: AbortSignal, graceMs: number): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onAbort = () => {
    timer = setTimeout(() => controller.abort(signal.reason), graceMs);
  };
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    dispose: () => {
      signal.removeEventListener('abort', onAbort);
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}

/** Prime computes the final statistics here; a failure falls back to what the last read said. */
async function finalize(deps: GateDeps, evaluation: Evaluation): Promise<Evaluation> {
  try {
    const finalized = await deps.client.finalize(evaluation.id, { signal: deps.signal });
    const scores = finalized.scores ?? evaluation.scores;
    return { ...evaluation, ...finalized, ...(scores ? { scores } : {}) };
  } catch (error) {
    if (deps.signal.aborted) throw error;
    deps.logger.warning(`Finalizing ${evaluation.id} failed (${(error as Error).message}); using the last read scores.`);
    return evaluation;
  }
}

/** One line for an error: its type and message, the HTTP status and the request id each named once. */
function describe(error: unknown): string {
  if (error instanceof InputError) return error.message;
  if (error instanceof APIError) {
    const extra = [
      error.status !== undefined && !error.message.includes(`HTTP ${error.status}`) ? `HTTP ${error.status}` : '',
      error.requestId !== undefined && !error.message.includes(error.requestId) ? `request ${error.requestId}` : '',
    ].filter(Boolean);
    return `${error.name}: ${error.message}${extra.length > 0 ? ` (${extra.join(', ')})` : ''}`;
  }
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
