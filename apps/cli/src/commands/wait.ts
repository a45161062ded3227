// `evalgate wait <id>`: polls with core's wait (no overlapping requests, backoff, deadline) until the evaluation ends,
// then applies the thresholds and writes the reports. Ctrl-C stops waiting; the remote evaluation keeps running
// unless --cancel-on-interrupt asks to cancel it (someone else may have started it, so stopping it is opt-in).
import { AbortError, UnsupportedOperationError, WaitTimeoutError, type EvalClient, type Evaluation, type ProviderName } from '@evalgate/core';
import { EXIT, type ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { decideOutcome } from '../outcome/decide.js';
import type { Outcome, Thresholds } from '../outcome/types.js';
import { createProgressView } from '../output/progress.js';
import { renderFormat, writeReports, type Format, type ReportFiles } from '../output/reports.js';

const FIRST_POLL_INTERVAL_MS = 2_000;

export interface WaitCommandOptions {
  thresholds: Thresholds;
  timeoutMinutes: number;
  pollIntervalSeconds: number;
  format: Format;
  files: ReportFiles;
  cancelOnInterrupt: boolean;
  /** Masks the API key in report files, should a provider echo it. */
  redact: (text: string) => string;
  /** Whether to draw progress at all (--quiet turns it off). */
  progress: boolean;
}

async function cancelAfterInterrupt(client: EvalClient, io: CliIo, id: string): Promise<void> {
  try {
    // A fresh budget: the interrupt signal has already fired.
    await client.cancel(id, { timeoutMs: 15_000, maxRetries: 1 });
    io.stderr.write(`evalgate: interrupted; cancel requested for ${id} at ${client.provider}.\n`);
  } catch (error) {
    const why = error instanceof UnsupportedOperationError ? `${client.provider} cannot cancel` : (error as Error).message;
    io.stderr.write(`evalgate: interrupted; could not cancel ${id} (${why}); it may still be running.\n`);
  }
}

export async function waitCommand(client: EvalClient, io: CliIo, id: string, options: WaitCommandOptions): Promise<ExitCode> {
  const startedAt = io.now();
  const view = options.progress ? createProgressView(io.stderr, () => io.now(), id) : undefined;
  let last: Evaluation | undefined;
  let evaluation: Evaluation;
  try {
    evaluation = await client.waitForCompletion(id, {
      deadline: startedAt + options.timeoutMinutes * 60_000,
      signal: io.interrupt,
      // As the Action: poll-interval-seconds is the longest pause; short evaluations are still noticed within 2 s.
      initialIntervalMs: Math.min(FIRST_POLL_INTERVAL_MS, options.pollIntervalSeconds * 1000),
      maxIntervalMs: options.pollIntervalSeconds * 1000,
      onProgress: (update) => {
        last = update;
        view?.update(update);
      },
    });
  } catch (error) {
    view?.finish();
    const stopped = async (status: 'cancelled' | 'timed_out', reason: string): Promise<ExitCode> => {
      // The CI job still gets its reports: the run ended inconclusive, with what the last poll saw.
      const outcome = stoppedOutcome(client.provider, status, reason, last ?? (error instanceof WaitTimeoutError ? error.lastEvaluation : undefined), {
        startedAt,
        durationMs: io.now() - startedAt,
      });
      await writeReports(options.files, outcome, io.hostname, { redact: options.redact });
      io.stdout.write(renderFormat(options.format, outcome, io.hostname));
      return outcome.exitCode;
    };
    if (error instanceof AbortError || io.interrupt.aborted) {
      if (options.cancelOnInterrupt) await cancelAfterInterrupt(client, io, id);
      else io.stderr.write(`evalgate: stopped waiting; ${id} was not cancelled and may still be running (evalgate cancel ${id} stops it).\n`);
      return stopped('cancelled', 'Interrupted while waiting (Ctrl-C).');
    }
    if (error instanceof WaitTimeoutError) {
      const reason = `Gave up waiting for ${id} after ${options.timeoutMinutes} minutes (timeout-minutes); it may still be running.`;
      io.stderr.write(`evalgate: ${reason} Fix: raise --timeout-minutes.\n`);
      return stopped('timed_out', reason);
    }
    throw error;
  }
  view?.update(evaluation);
  view?.finish();
  // Prime computes the final statistics in a separate step; the Action does the same before judging.
  if (evaluation.status === 'completed' && evaluation.scores === undefined && client.capabilities.finalize) {
    const finalized = await client.finalize(id, { signal: io.interrupt });
    const scores = finalized.scores ?? evaluation.scores;
    evaluation = { ...evaluation, ...finalized, ...(scores ? { scores } : {}) };
  }
  const outcome = decideOutcome(evaluation, options.thresholds, { startedAt, durationMs: io.now() - startedAt });
  await writeReports(options.files, outcome, io.hostname, { redact: options.redact });
  io.stdout.write(renderFormat(options.format, outcome, io.hostname));
  return outcome.exitCode;
}

function stoppedOutcome(
  provider: ProviderName,
  status: 'cancelled' | 'timed_out',
  reason: string,
  evaluation: Evaluation | undefined,
  timing: { startedAt: number; durationMs: number },
): Outcome {
  return {
    provider,
    status,
    ...(evaluation ? { evaluation } : {}),
    gate: 'inconclusive',
    criteria: [],
    reasons: [reason],
    exitCode: EXIT.cancelledOrTimedOut,
    ...timing,
  };
}
