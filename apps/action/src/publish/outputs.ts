// The step outputs. Workflows interpolate them into `run:` scripts, so provider strings are validated first:
// an id to a safe charset, a URL to https (or loopback http); anything else is left empty with a warning.
import type { ActionSink, Logger } from '../deps.js';
import type { ResultJson } from './result-json.js';

/** Full precision, without floating-point noise like 0.46125999999999995. */
function number(value: number | undefined): string {
  return value === undefined ? '' : String(Number(value.toPrecision(12)));
}

export function writeOutputs(sink: ActionSink, logger: Logger, result: ResultJson, rawIds: { evaluationId?: string; reportUrl?: string }): void {
  if (rawIds.evaluationId !== undefined && result.evaluationId === null) {
    logger.warning('The provider returned an evaluation id with characters outside [A-Za-z0-9._:/-]; the evaluation-id output is left empty.');
  }
  if (rawIds.reportUrl !== undefined && result.reportUrl === null) {
    logger.warning('The provider returned a report URL that is not https; the report-url output is left empty.');
  }
  const final = result.scores;
  const partial = result.partialScores;
  sink.setOutput('evaluation-id', result.evaluationId ?? '');
  sink.setOutput('status', result.status);
  sink.setOutput('gate', result.gate);
  sink.setOutput('avg-score', number(final?.avg));
  sink.setOutput('min-score', number(final?.min));
  sink.setOutput('max-score', number(final?.max));
  // A count of the result's scored samples: 0 when there is no result, never empty.
  sink.setOutput('total-samples', String(final?.count ?? 0));
  sink.setOutput('partial-avg-score', number(partial?.avg));
  sink.setOutput('partial-samples', partial ? String(partial.count) : '');
  sink.setOutput('report-url', result.reportUrl ?? '');
  sink.setOutput('result-json', JSON.stringify(result));
}
