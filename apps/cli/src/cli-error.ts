import type { ExitCode } from './exit-codes.js';

/** An error the CLI reports as one line and exits with `exitCode`; the message names the input and the fix. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
  }
}
