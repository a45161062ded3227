import { UnsupportedOperationError, type EvalClient } from '@evalgate/core';
import { CliError } from '../cli-error.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';

export async function cancelCommand(client: EvalClient, io: CliIo, id: string): Promise<ExitCode> {
  try {
    const evaluation = await client.cancel(id, { signal: io.interrupt });
    io.stdout.write(`Cancel requested for ${evaluation.id} (${client.provider}): status now ${evaluation.status}.\n`);
    return EXIT.pass;
  } catch (error) {
    if (error instanceof UnsupportedOperationError) {
      throw new CliError(
        `${client.provider} has no cancel endpoint, so ${id} runs to its end. Fix: stop it in the provider's console if you must.`,
        EXIT.configOrProvider,
      );
    }
    throw error;
  }
}
