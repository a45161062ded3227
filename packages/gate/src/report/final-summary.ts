import type { FinalReport } from './model.js';
import { errorSummary, resultSummary } from './summary.js';

/**
 * The Markdown of a finished run: the result (scores, criteria, baseline, details) when an evaluation finished, or
 * what went wrong. `notes` are host warnings shown beside it (e.g. why no check run was posted).
 */
export function finalSummary(report: FinalReport, notes: string[] = []): string {
  const { evaluation, verdict } = report;
  if (report.errorMessage !== undefined || !evaluation) {
    return errorSummary(report.checkName, report.status, report.errorMessage ?? verdict.reasons.join('\n'), evaluation);
  }
  return resultSummary({
    checkName: report.checkName,
    status: report.status,
    evaluation,
    verdict,
    baseline: report.baseline,
    reattached: report.reattached,
    notes,
    ...(report.runUrl ? { runUrl: report.runUrl } : {}),
  });
}
