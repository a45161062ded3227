import type { EvalClient } from '@evalgate/core';
import { EXIT, type ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { renderEvaluationsJson } from '../output/json.js';
import { renderEvaluationText } from '../output/text.js';

export async function showCommand(client: EvalClient, io: CliIo, id: string, format: 'text' | 'json'): Promise<ExitCode> {
  const evaluation = await client.get(id, { signal: io.interrupt });
  io.stdout.write(format === 'json' ? renderEvaluationsJson(evaluation) : renderEvaluationText(evaluation));
  return EXIT.pass;
}
