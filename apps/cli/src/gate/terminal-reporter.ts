// The gate's Reporter and Logger for a terminal or a CI log: messages and the live progress share stderr (stdout is
// kept for --format), and a message clears the progress line first so the two never garble each other.
import type { Evaluation } from '@evalgate/core';
import type { FinalReport, Logger, Reporter } from '@evalgate/gate';
import type { OutputStream } from '../io.js';
import { printable } from '../output/printable.js';
import { createProgressView, type ProgressView } from '../output/progress.js';

export interface TerminalReporter extends Reporter {
  /** The final report, once the gate has finished. */
  readonly report: FinalReport | undefined;
}

export interface TerminalOutput {
  logger: Logger;
  reporter: TerminalReporter;
}

export function terminalOutput(stderr: OutputStream, now: () => number, options: { progress: boolean; verbose: boolean }): TerminalOutput {
  let view: ProgressView | undefined;
  let evaluationId: string | undefined;
  const print = (line: string): void => {
    view?.pause();
    stderr.write(`${printable(line)}\n`);
    view?.resume();
  };
  const logger: Logger = {
    // The gate logs each poll ("<id>: running …"); the progress view already shows it, so those become debug lines.
    info: (message) => {
      if (view && evaluationId && message.startsWith(`${evaluationId}: `)) logger.debug(message);
      else print(`evalgate: ${message}`);
    },
    warning: (message) => print(`evalgate: warning: ${message}`),
    error: (message) => print(`evalgate: error: ${message}`),
    debug: (message) => {
      if (options.verbose) print(`evalgate: debug: ${message}`);
    },
  };
  let report: FinalReport | undefined;
  const reporter: TerminalReporter = {
    get report() {
      return report;
    },
    async started(evaluation: Evaluation) {
      // The gate has logged "Created …" or "Re-attaching …"; from here on the progress view shows the evaluation.
      evaluationId = evaluation.id;
      if (evaluation.reportUrl) print(`evalgate: report ${evaluation.reportUrl}`);
      if (options.progress) view = createProgressView(stderr, now, evaluation.id);
      view?.update(evaluation);
    },
    progress(evaluation: Evaluation) {
      view?.update(evaluation);
    },
    async finished(finalReport: FinalReport, settle: () => void) {
      if (finalReport.evaluation) view?.update(finalReport.evaluation);
      view?.finish();
      view = undefined;
      report = finalReport;
      // Nothing is left for a cleanup step: the CLI cancels in-process, and its reports are written after this.
      settle();
    },
  };
  return { logger, reporter };
}
