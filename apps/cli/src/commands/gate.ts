// `evalgate gate`: the Action's gate from a terminal or any CI. runGate does the work (create or re-attach, wait,
// finalize, compare, decide); this wires it to the terminal and writes the reports. Ctrl-C or SIGTERM aborts the
// gate's signal, and runGate cancels the remote evaluation where the provider can, as the Action does.
import { createClient } from '@evalgate/core';
import { makeRedactor, runGate, stepSignal, systemClock, workspaceFiles, type GateSettings, type RunContext, type StateName } from '@evalgate/gate';
import type { ExitCode } from '../exit-codes.js';
import { USER_AGENT } from '../client.js';
import type { CliIo } from '../io.js';
import { outcomeOfGate } from '../gate/outcome.js';
import { terminalOutput } from '../gate/terminal-reporter.js';
import { renderFormat, writeReports, type Format, type ReportFiles } from '../output/reports.js';

export interface GateCommandOptions {
  settings: GateSettings;
  apiKey: string;
  context: RunContext;
  format: Format;
  files: ReportFiles;
  progress: boolean;
  verbose: boolean;
}

export async function gateCommand(io: CliIo, options: GateCommandOptions): Promise<ExitCode> {
  const { settings, apiKey } = options;
  const startedAt = io.now();
  const redact = makeRedactor([apiKey]);
  const { logger, reporter } = terminalOutput(io.stderr, () => io.now(), { progress: options.progress, verbose: options.verbose });
  if (settings.allowInsecureHttp && settings.baseUrl?.startsWith('http:')) {
    logger.warning(`allow-insecure-http is set: the ${settings.provider} API key is sent over plain http to base-url.`);
  }
  const client = createClient({
    provider: settings.provider,
    apiKey,
    ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
    allowInsecureHttp: settings.allowInsecureHttp,
    maxRetries: 8,
    logger: { debug: (message) => logger.debug(message), warn: (message) => logger.info(message) },
    userAgent: USER_AGENT,
  });
  // No cleanup step runs after the CLI: the state only lives as long as the process.
  const state = new Map<StateName, string>();
  const gate = await runGate({
    settings,
    context: options.context,
    client,
    logger,
    clock: systemClock,
    files: workspaceFiles(io.cwd),
    state: { save: (name, value) => state.set(name, value) },
    reporter,
    signal: stepSignal(io.interrupt, settings.timeoutMinutes),
    redact,
    cancelCause: 'Interrupted (Ctrl-C or a termination signal)',
  });
  const outcome = outcomeOfGate(gate, settings, { startedAt, durationMs: io.now() - startedAt });
  await writeReports(options.files, outcome, io.hostname, { badgeLabel: settings.checkName, redact });
  io.stdout.write(redact(renderFormat(options.format, outcome, io.hostname)));
  io.stderr.write(`evalgate: ${redact(gate.message)} (exit code ${outcome.exitCode})\n`);
  return outcome.exitCode;
}
