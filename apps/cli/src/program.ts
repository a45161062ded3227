// The command line: commander parses it (subcommands, generated --help, typed errors we map to exit code 2).
// Every setting flag comes from the gate's settings table, so flags, variables and config keys cannot drift apart.
import { ConfigurationError, type ProviderName } from '@evalgate/core';
import { checkSettings, envName, gateSettingNames, gateSettings, makeRedactor, type CommonSettingName, type Redact } from '@evalgate/gate';
import { Command, CommanderError, Option } from 'commander';
import { CliError } from './cli-error.js';
import { clientFor, type Connection } from './client.js';
import { cancelCommand } from './commands/cancel.js';
import { gateCommand } from './commands/gate.js';
import { listCommand } from './commands/list.js';
import { showCommand } from './commands/show.js';
import { waitCommand } from './commands/wait.js';
import { loadConfig } from './config/load.js';
import { exitCodeForError } from './error-exit-code.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { runContextFrom } from './gate/context.js';
import { startDemo, type Demo } from './gate/demo.js';
import type { CliIo, OutputStream } from './io.js';
import { FORMATS, type Format, type ReportFiles } from './output/reports.js';
import { describeProblems, parseSome, resolveRaw, type RawResolution } from './settings/raw-settings.js';
import { CLI_VERSION } from './version.js';

const VERSION = CLI_VERSION;

const CONNECTION = ['provider', 'api-key', 'base-url', 'allow-insecure-http'] as const satisfies readonly CommonSettingName[];
const WAITING = [...CONNECTION, 'min-avg-score', 'min-min-score', 'timeout-minutes', 'poll-interval-seconds'] as const satisfies readonly CommonSettingName[];
/** Settings that are switches: `--allow-insecure-http` alone means true. */
const SWITCHES: readonly string[] = ['allow-insecure-http'];

/** What the entry point finds out about the machine, passed in so tests need no git. */
export interface CliHost {
  /** The git HEAD of the working directory, when there is one. */
  gitSha?: () => string | undefined;
}

function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_, char: string) => char.toUpperCase());
}

function addSettingOptions(command: Command, names: readonly string[]): Command {
  command.option('--config <file>', 'config file (default: evalgate.config.json or .yaml in the working directory)');
  const table = gateSettings();
  for (const name of names) {
    const spec = table[name];
    if (spec === undefined) throw new Error(`evalgate has no setting named '${name}'`);
    const flags = SWITCHES.includes(name) ? `--${name}` : `--${name} <value>`;
    const fallback = spec.default !== undefined ? ` (default: ${spec.default})` : '';
    command.addOption(new Option(flags, `${spec.description}${fallback} [${envName(name)}]`));
  }
  return command;
}

function addReportOptions(command: Command): Command {
  return command
    .addOption(new Option('--format <format>', 'what to print on stdout').choices(FORMATS).default('text'))
    .option('--junit <file>', 'write a JUnit XML report (GitLab, Jenkins, CircleCI test reports)')
    .option('--dotenv <file>', 'write a dotenv report (GitLab artifacts:reports:dotenv)')
    .option('--summary <file>', 'write the Markdown summary')
    .option('--badge <file>', 'write a badge: x.svg and the shields.io endpoint x.json')
    .option('--quiet', 'no progress output');
}

function reportFiles(options: Record<string, unknown>): ReportFiles {
  const files: ReportFiles = {};
  for (const key of ['junit', 'dotenv', 'summary', 'badge'] as const) {
    const value = options[key];
    if (typeof value === 'string') files[key] = value;
  }
  return files;
}

async function resolutionFor(io: CliIo, options: Record<string, unknown>, names: readonly string[]): Promise<RawResolution> {
  // The demo is the same on every machine: only its own flags count, not a project's variables or config file.
  if (options.demo === true) return resolveRaw({ flags: flagsOf(options, names), env: {} }, names);
  const config = await loadConfig(options.config as string | undefined, io.cwd);
  return resolveRaw({ flags: flagsOf(options, names), env: io.env, ...(config ? { config } : {}) }, names);
}

function flagsOf(options: Record<string, unknown>, names: readonly string[]): Record<string, string | boolean> {
  const flags: Record<string, string | boolean> = {};
  for (const name of names) {
    const value = options[camel(name)];
    if (typeof value === 'string' || typeof value === 'boolean') flags[name] = value;
  }
  return flags;
}

/** The gate's provider parser has already refused a missing or unknown provider. */
function connectionOf(values: Partial<Record<CommonSettingName, unknown>>): Connection {
  return {
    provider: values.provider as ProviderName,
    apiKey: values['api-key'] as string | undefined,
    baseUrl: values['base-url'] as string | undefined,
    allowInsecureHttp: values['allow-insecure-http'] === 'true',
  };
}

/** A stream that masks the secrets known so far; the key becomes known once the settings are read. */
function redacting(stream: OutputStream, redact: () => Redact): OutputStream {
  return {
    write: (text: string) => stream.write(redact()(text)),
    get isTTY() {
      return stream.isTTY;
    },
    get columns() {
      return stream.columns;
    },
  };
}

/** Runs the command line `argv` (without node and the script) and resolves with the exit code; never throws. */
export async function runCli(argv: readonly string[], rawIo: CliIo, host: CliHost = {}): Promise<ExitCode> {
  let redact: Redact = makeRedactor([]);
  const io: CliIo = { ...rawIo, stdout: redacting(rawIo.stdout, () => redact), stderr: redacting(rawIo.stderr, () => redact) };
  const connect = (values: Partial<Record<CommonSettingName, unknown>>) => {
    const connection = connectionOf(values);
    redact = makeRedactor([connection.apiKey]);
    return clientFor(connection);
  };
  let exitCode: ExitCode = EXIT.pass;
  let demo: Demo | undefined;

  const program = new Command('evalgate')
    .description('Gate on hosted LLM evaluations (Prime Intellect, OpenAI Evals, Nugen) from any terminal or CI system.')
    .version(VERSION)
    .exitOverride()
    .showHelpAfterError('(run evalgate --help for usage)')
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });

  addReportOptions(
    addSettingOptions(
      program
        .command('gate')
        .description('Run the gate: create (or re-attach to) an evaluation, wait, compare with the thresholds, report. Ctrl-C cancels it.'),
      gateSettingNames(),
    ),
  )
    .option('--demo', 'run against the embedded emulator on 127.0.0.1: no account or key needed')
    .option('--sha <sha>', "the revision to tag the evaluation with (default: the CI system's, else git HEAD) [EVALGATE_SHA]")
    .option('--verbose', 'also print debug lines')
    .action(async (options: Record<string, unknown>) => {
      const resolution = await resolutionFor(io, options, gateSettingNames());
      if (options.demo === true) {
        demo = await startDemo();
        resolution.raw = { ...demo.defaults, ...resolution.raw, ...demo.connection };
      }
      const apiKey = resolution.raw['api-key']?.trim();
      redact = makeRedactor([apiKey]);
      const { settings, problems } = checkSettings(resolution.raw);
      if (settings === undefined || problems.length > 0) throw new ConfigurationError(describeProblems(problems, resolution));
      const sha = (options.sha as string | undefined) ?? io.env.EVALGATE_SHA;
      const context = demo?.context ?? runContextFrom(io.env, { ...(sha ? { sha } : {}), ...(host.gitSha ? { gitSha: host.gitSha() } : {}) });
      if ('missing' in context) {
        throw new ConfigurationError(
          'No revision to tag the evaluation with: this is not a known CI system and not a git checkout. Fix: pass --sha <commit> or set EVALGATE_SHA.',
        );
      }
      exitCode = await gateCommand(io, {
        settings,
        apiKey: apiKey ?? '',
        context,
        format: options.format as Format,
        files: reportFiles(options),
        progress: options.quiet !== true,
        verbose: options.verbose === true,
      });
    });

  addReportOptions(
    addSettingOptions(
      program
        .command('wait')
        .argument('<id>', 'evaluation id')
        .description('Wait for an evaluation something else started, check the thresholds, write the reports.'),
      WAITING,
    ),
  )
    .option('--cancel-on-interrupt', 'on Ctrl-C, also cancel the remote evaluation (default: only stop waiting)')
    .action(async (id: string, options: Record<string, unknown>) => {
      const resolution = await resolutionFor(io, options, WAITING);
      const values = parseSome(resolution, WAITING);
      const client = connect(values);
      exitCode = await waitCommand(client, io, id, {
        thresholds: {
          ...(values['min-avg-score'] !== undefined ? { minAvgScore: values['min-avg-score'] as number } : {}),
          ...(values['min-min-score'] !== undefined ? { minMinScore: values['min-min-score'] as number } : {}),
        },
        timeoutMinutes: values['timeout-minutes'] as number,
        pollIntervalSeconds: values['poll-interval-seconds'] as number,
        format: options.format as Format,
        files: reportFiles(options),
        cancelOnInterrupt: options.cancelOnInterrupt === true,
        progress: options.quiet !== true,
        redact: (text) => redact(text),
      });
    });

  addSettingOptions(program.command('list').description('List evaluations, newest first where the provider says.'), CONNECTION)
    .option('--limit <n>', 'most evaluations to print', '20')
    .addOption(new Option('--format <format>', 'what to print on stdout').choices(['text', 'json']).default('text'))
    .action(async (options: Record<string, unknown>) => {
      const resolution = await resolutionFor(io, options, CONNECTION);
      const client = connect(parseSome(resolution, CONNECTION));
      exitCode = await listCommand(client, io, { limit: positiveInteger(String(options.limit), '--limit'), format: options.format as 'text' | 'json' });
    });

  addSettingOptions(program.command('show').argument('<id>', 'evaluation id (OpenAI: <eval_id>/<run_id>)').description('Print one evaluation.'), CONNECTION)
    .addOption(new Option('--format <format>', 'what to print on stdout').choices(['text', 'json']).default('text'))
    .action(async (id: string, options: Record<string, unknown>) => {
      const resolution = await resolutionFor(io, options, CONNECTION);
      exitCode = await showCommand(connect(parseSome(resolution, CONNECTION)), io, id, options.format as 'text' | 'json');
    });

  addSettingOptions(
    program.command('cancel').argument('<id>', 'evaluation id').description('Ask the provider to cancel an evaluation (Prime, OpenAI).'),
    CONNECTION,
  ).action(async (id: string, options: Record<string, unknown>) => {
    const resolution = await resolutionFor(io, options, CONNECTION);
    exitCode = await cancelCommand(connect(parseSome(resolution, CONNECTION)), io, id);
  });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.pass : EXIT.configOrProvider;
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`evalgate: ${error instanceof CliError ? '' : errorLabel(error)}${message}\n`);
    return exitCodeForError(error);
  } finally {
    await demo?.emulator.close();
  }
}

function positiveInteger(value: string, flag: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new ConfigurationError(`Invalid ${flag}: must be a whole number of at least 1. Fix: e.g. ${flag} 20.`);
  return Number(value);
}

function errorLabel(error: unknown): string {
  if (!(error instanceof Error) || error instanceof ConfigurationError) return '';
  const status = (error as { status?: unknown }).status;
  const requestId = (error as { requestId?: unknown }).requestId;
  const extra = [typeof status === 'number' ? `HTTP ${status}` : '', typeof requestId === 'string' ? `request id ${requestId}` : ''].filter(Boolean).join(', ');
  return `${error.name}${extra ? ` (${extra})` : ''}: `;
}
