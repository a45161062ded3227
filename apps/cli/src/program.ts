// The command line: commander parses it (subcommands, generated --help, typed errors we can map to exit code 2).
// Every setting flag comes from the settings table, so flags, variables and config keys cannot drift apart.
import { ConfigurationError } from '@evalgate/core';
import { Command, CommanderError, Option } from 'commander';
import { CliError } from './cli-error.js';
import { clientFromSettings } from './client.js';
import { cancelCommand } from './commands/cancel.js';
import { listCommand } from './commands/list.js';
import { showCommand } from './commands/show.js';
import { waitCommand } from './commands/wait.js';
import { loadConfig } from './config/load.js';
import { exitCodeForError } from './error-exit-code.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';
import { FORMATS, type Format } from './output/reports.js';
import { Redactor } from './redact.js';
import { resolveSettings, type ResolvedSettings } from './settings/resolve.js';
import { envOf, SETTINGS, type SettingName, type SettingSpec } from './settings/table.js';

export const VERSION = '0.1.0';

const CONNECTION: readonly SettingName[] = ['provider', 'api-key', 'base-url', 'allow-insecure-http'];
const WAITING: readonly SettingName[] = [...CONNECTION, 'min-avg-score', 'min-min-score', 'timeout-minutes', 'poll-interval-seconds'];

function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_, char: string) => char.toUpperCase());
}

function addSettingOptions(command: Command, names: readonly SettingName[]): Command {
  command.option('--config <file>', 'config file (default: evalgate.config.json or .yaml in the working directory)');
  for (const spec of SETTINGS as readonly SettingSpec[]) {
    if (!names.includes(spec.name as SettingName)) continue;
    const flags = spec.kind === 'boolean' ? `--${spec.name}` : `--${spec.name} <value>`;
    const defaultText = spec.default === undefined ? '' : ` (default: ${String(spec.default)})`;
    command.addOption(new Option(flags, `${spec.description}${defaultText} [env ${envOf(spec.name)}]`));
  }
  return command;
}

function formatOption(allowed: readonly string[]): Option {
  return new Option('--format <format>', 'what to print on stdout').choices(allowed).default('text');
}

interface Parsed {
  options: Record<string, unknown>;
}

async function settingsFor(io: CliIo, parsed: Parsed, names: readonly SettingName[]): Promise<ResolvedSettings> {
  const config = await loadConfig(parsed.options.config as string | undefined, io.cwd);
  const flags: Record<string, string | boolean> = {};
  for (const name of names) {
    const value = parsed.options[camel(name)];
    if (typeof value === 'string' || typeof value === 'boolean') flags[name] = value;
  }
  return resolveSettings({ flags, env: io.env, ...(config ? { config } : {}) }, names);
}

function positiveInteger(value: string, flag: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new ConfigurationError(`Invalid ${flag}: must be a whole number of at least 1. Fix: e.g. ${flag} 20.`);
  return Number(value);
}

/** Runs the command line `argv` (without node and the script) and resolves with the exit code; never throws. */
export async function runCli(argv: readonly string[], rawIo: CliIo): Promise<ExitCode> {
  const redactor = new Redactor();
  const io: CliIo = { ...rawIo, stdout: redactor.wrap(rawIo.stdout), stderr: redactor.wrap(rawIo.stderr) };
  const register = (secret: string): void => redactor.add(secret);
  let exitCode: ExitCode = EXIT.pass;

  const program = new Command('evalgate')
    .description('Gate on hosted LLM evaluations (Prime Intellect, OpenAI Evals, Nugen) from any terminal or CI system.')
    .version(VERSION)
    .exitOverride()
    .showHelpAfterError('(run evalgate --help for usage)')
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });

  addSettingOptions(program.command('list').description('List evaluations, newest first where the provider says.'), CONNECTION)
    .option('--limit <n>', 'most evaluations to print', '20')
    .addOption(formatOption(['text', 'json']))
    .action(async (options: Record<string, unknown>) => {
      const settings = await settingsFor(io, { options }, CONNECTION);
      exitCode = await listCommand(clientFromSettings(settings, register), io, {
        limit: positiveInteger(String(options.limit), '--limit'),
        format: options.format as 'text' | 'json',
      });
    });

  addSettingOptions(program.command('show').argument('<id>', 'evaluation id (OpenAI: <eval_id>/<run_id>)').description('Print one evaluation.'), CONNECTION)
    .addOption(formatOption(['text', 'json']))
    .action(async (id: string, options: Record<string, unknown>) => {
      const settings = await settingsFor(io, { options }, CONNECTION);
      exitCode = await showCommand(clientFromSettings(settings, register), io, id, options.format as 'text' | 'json');
    });

  addSettingOptions(program.command('cancel').argument('<id>', 'evaluation id').description('Ask the provider to cancel an evaluation (Prime, OpenAI).'), CONNECTION).action(
    async (id: string, options: Record<string, unknown>) => {
      const settings = await settingsFor(io, { options }, CONNECTION);
      exitCode = await cancelCommand(clientFromSettings(settings, register), io, id);
    },
  );

  addSettingOptions(
    program.command('wait').argument('<id>', 'evaluation id').description('Wait for an evaluation to end, check the thresholds, write the reports.'),
    WAITING,
  )
    .addOption(formatOption(FORMATS))
    .option('--junit <file>', 'write a JUnit XML report (GitLab, Jenkins, CircleCI test reports)')
    .option('--dotenv <file>', 'write a dotenv report (GitLab artifacts:reports:dotenv)')
    .option('--summary <file>', 'write a Markdown summary')
    .option('--badge <file>', 'write a badge: x.svg and the shields.io endpoint x.json')
    .option('--cancel-on-interrupt', 'on Ctrl-C, also cancel the remote evaluation (default: only stop waiting)')
    .option('--quiet', 'no progress output')
    .action(async (id: string, options: Record<string, unknown>) => {
      const settings = await settingsFor(io, { options }, WAITING);
      const values = settings.values;
      exitCode = await waitCommand(clientFromSettings(settings, register), io, id, {
        thresholds: {
          ...(values['min-avg-score'] !== undefined ? { minAvgScore: values['min-avg-score'] as number } : {}),
          ...(values['min-min-score'] !== undefined ? { minMinScore: values['min-min-score'] as number } : {}),
        },
        timeoutMinutes: values['timeout-minutes'] as number,
        pollIntervalSeconds: values['poll-interval-seconds'] as number,
        format: options.format as Format,
        files: {
          ...(typeof options.junit === 'string' ? { junit: options.junit } : {}),
          ...(typeof options.dotenv === 'string' ? { dotenv: options.dotenv } : {}),
          ...(typeof options.summary === 'string' ? { summary: options.summary } : {}),
          ...(typeof options.badge === 'string' ? { badge: options.badge } : {}),
        },
        cancelOnInterrupt: options.cancelOnInterrupt === true,
        progress: options.quiet !== true,
        redact: (text) => redactor.redact(text),
      });
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through exitOverride too, with code 0.
      return error.exitCode === 0 ? EXIT.pass : EXIT.configOrProvider;
    }
    const code = exitCodeForError(error);
    const message = error instanceof Error ? error.message : String(error);
    if (!(error instanceof CliError && message === 'Interrupted.')) io.stderr.write(`evalgate: ${error instanceof CliError ? '' : errorLabel(error)}${message}\n`);
    return code;
  }
}

function errorLabel(error: unknown): string {
  if (!(error instanceof Error)) return '';
  const status = (error as { status?: unknown }).status;
  const requestId = (error as { requestId?: unknown }).requestId;
  const extra = [typeof status === 'number' ? `HTTP ${status}` : '', typeof requestId === 'string' ? `request id ${requestId}` : ''].filter(Boolean).join(', ');
  return `${error.name}${extra ? ` (${extra})` : ''}: `;
}
