import type { FinalReport } from './model.js';
import { errorSummary, resultSummary } from './summary.js';

/**
 * The Markdown of a finished run: the result (scores, criteria, baseline, details) when an evaluation finished, or
 * what went wrong. `notes` are host warnings shown beside it (e.g. why no check run was posted). `pictures`: `compact`
 * one-line histogram and trend (a check run, a PR comment), `full` the full-size ones (a job summary, a Markdown file).
 */
export function finalSummary(report: FinalReport, notes: string[] = [], pictures: 'compact' | 'full' = 'compact'): string {
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
    pictures,
    ...(report.runUrl ? { runUrl: report.runUrl } : {}),
    ...(report.sampleScores ? { sampleScores: report.sampleScores } : {}),
  });
}
