import { formatScore, type EvalClient, type Evaluation } from '@evalgate/core';
import { EXIT, type ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { renderEvaluationsJson } from '../output/json.js';
import { printable } from '../output/printable.js';

export interface ListOptions {
  limit: number;
  format: 'text' | 'json';
}

function row(evaluation: Evaluation): string {
  const avg = evaluation.scores && evaluation.scores.count > 0 ? formatScore(evaluation.scores.avg) : '-';
  const created = evaluation.createdAt ? evaluation.createdAt.toISOString().slice(0, 16).replace('T', ' ') : '-';
  return printable([evaluation.id.replace(/\s+/g, ' '), evaluation.status, avg, created, evaluation.name.replace(/\s+/g, ' ')].join('\t'));
}

export async function listCommand(client: EvalClient, io: CliIo, options: ListOptions): Promise<ExitCode> {
  const evaluations: Evaluation[] = [];
  for await (const evaluation of client.list({ maxItems: options.limit, signal: io.interrupt })) {
    evaluations.push(evaluation);
    if (evaluations.length >= options.limit) break;
  }
  if (options.format === 'json') {
    io.stdout.write(renderEvaluationsJson(evaluations));
  } else {
    io.stdout.write(`${['id', 'status', 'avg', 'created (UTC)', 'name'].join('\t')}\n`);
    for (const evaluation of evaluations) io.stdout.write(`${row(evaluation)}\n`);
    if (evaluations.length === options.limit) io.stderr.write(`(first ${options.limit}; --limit N shows more)\n`);
  }
  return EXIT.pass;
}
