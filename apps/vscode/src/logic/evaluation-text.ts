import { isTerminal, type Evaluation } from '@evalgate/core';
import { codeSpan, escapeMarkdown, formatScore, formatScores } from './format.js';
import { evaluationTiming, tooltipAt } from './row-timing.js';
import { statusStyle } from './status-style.js';

/** The row's description: the average score when there is one, else progress, else the status. */
export function evaluationDescription(evaluation: Evaluation): string {
  if (evaluation.scores) return `avg ${formatScore(evaluation.scores.avg)}`;
  const progress = evaluation.progress;
  if (!isTerminal(evaluation.status) && progress) {
    if (progress.fraction !== undefined) return `${Math.round(progress.fraction * 100)}%`;
    if (progress.completed !== undefined && progress.total !== undefined) return `${progress.completed}/${progress.total}`;
  }
  return statusStyle(evaluation.status).label;
}

/** "gsm8k nightly, evaluation, completed, avg 0.82": name, status in words, and the description when it adds to it. */
export function evaluationAccessibilityLabel(evaluation: Evaluation): string {
  const status = statusStyle(evaluation.status).label;
  const description = evaluationDescription(evaluation);
  return [evaluation.name, 'evaluation', status, ...(description !== status ? [description] : [])].join(', ');
}

/**
 * The tooltip's fixed Markdown: status, progress, avg/min/max, count, model, error, id. The times ("started 3 min ago")
 * follow when the tooltip is shown (row-timing.ts).
 */
export function evaluationTooltipBody(evaluation: Evaluation): string {
  const lines = [`**${escapeMarkdown(evaluation.name)}**`, ''];
  const status = statusStyle(evaluation.status).label;
  const raw = evaluation.rawStatus && evaluation.rawStatus !== status ? ` (${codeSpan(evaluation.rawStatus)})` : '';
  lines.push(`- Status: ${status}${raw}`);
  if (evaluation.progress && !isTerminal(evaluation.status)) {
    const { fraction, completed, total } = evaluation.progress;
    const parts = [
      fraction !== undefined ? `${Math.round(fraction * 100)}%` : undefined,
      completed !== undefined && total !== undefined ? `${completed}/${total}` : undefined,
    ].filter((part) => part !== undefined);
    if (parts.length > 0) lines.push(`- Progress: ${parts.join(', ')}`);
  }
  if (evaluation.scores) {
    const { avg, min, max, count } = evaluation.scores;
    lines.push(`- Avg / min / max: ${formatScores([avg, min, max]).join(' / ')}`);
    lines.push(`- Count: ${count}`);
  } else {
    lines.push('- Scores: none yet');
  }
  if (evaluation.model) lines.push(`- Model: ${escapeMarkdown(evaluation.model)}`);
  if (evaluation.errorMessage) lines.push(`- Error: ${escapeMarkdown(evaluation.errorMessage)}`);
  lines.push(`- ID: ${codeSpan(evaluation.id)}`);
  return lines.join('\n');
}

/** The whole tooltip as shown at `now`. */
export function evaluationTooltip(evaluation: Evaluation, now: number): string {
  const timing = evaluationTiming(evaluation);
  return tooltipAt({ tooltip: evaluationTooltipBody(evaluation), ...(timing ? { timing } : {}) }, now) ?? '';
}
