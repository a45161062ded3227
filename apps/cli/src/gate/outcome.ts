// How a gate run maps to the CLI's report model and exit code.
import { finalSummary, type GateOutcome, type GateSettings } from '@evalgate/gate';
import { EXIT, type ExitCode } from '../exit-codes.js';
import type { Criterion, Outcome } from '../outcome/types.js';

export function exitCodeOfGate(outcome: Pick<GateOutcome, 'status' | 'failed'>): ExitCode {
  switch (outcome.status) {
    case 'error':
      return EXIT.configOrProvider;
    case 'cancelled':
    case 'timed_out':
      return EXIT.cancelledOrTimedOut;
    default:
      // A failed gate with fail-on: neutral does not fail the step, as in the Action.
      return outcome.failed ? EXIT.gateFailed : EXIT.pass;
  }
}

const THRESHOLD_OF: Record<string, keyof GateSettings['thresholds']> = {
  'min-avg-score': 'minAvgScore',
  'min-min-score': 'minMinScore',
  'max-regression': 'maxRegression',
};

export function outcomeOfGate(gate: GateOutcome, settings: GateSettings, timing: { startedAt: number; durationMs: number }): Outcome {
  const { report } = gate;
  const criteria: Criterion[] = report.verdict.criteria.map((criterion) => {
    const key = THRESHOLD_OF[criterion.input];
    const threshold = key === undefined ? undefined : settings.thresholds[key];
    return { input: criterion.input, outcome: criterion.outcome, detail: criterion.detail, ...(threshold !== undefined ? { threshold } : {}) };
  });
  return {
    provider: report.provider,
    status: report.status,
    ...(report.evaluation ? { evaluation: report.evaluation } : {}),
    gate: gate.gate,
    criteria,
    reasons: report.errorMessage !== undefined ? [report.errorMessage] : report.verdict.reasons,
    exitCode: exitCodeOfGate(gate),
    ...timing,
    markdown: finalSummary(report),
  };
}
