import { AbortError, EvalgateError, TimeoutError } from '@evalgate/core';
import { CliError } from './cli-error.js';
import { EXIT, type ExitCode } from './exit-codes.js';

/** The exit code an error ends the CLI with: 3 for a cancel or a timeout, 2 for everything else. */
export function exitCodeForError(error: unknown): ExitCode {
  if (error instanceof CliError) return error.exitCode;
  if (error instanceof AbortError || error instanceof TimeoutError) return EXIT.cancelledOrTimedOut;
  if (error instanceof EvalgateError) return EXIT.configOrProvider;
  return EXIT.configOrProvider;
}
