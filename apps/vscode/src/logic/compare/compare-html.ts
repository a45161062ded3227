import type { Evaluation } from '@evalgate/core';
import { scoreFormatter } from '@evalgate/core';
import { escapeHtml } from '../details/escape-html.js';
import { pageHtml, type PageSecurity } from '../details/page-html.js';
import { textBlock } from '../details/details-html.js';
import type { Comparison, FigureDelta } from './compare-evaluations.js';

export interface CompareModel {
  before: { evaluation: Evaluation; connectionTitle: string };
  after: { evaluation: Evaluation; connectionTitle: string };
  /** Undefined while the samples are read. */
  comparison: Comparison | undefined;
  /** Why samples could not be compared (escaped here). */
  problem?: string;
  revision: number;
}

/** The compare page: the two runs, the deltas of their figures, and the matched samples that moved most. */
export function compareHtml(model: CompareModel, security: PageSecurity): string {
  const { before, after, comparison } = model;
  const title = `${before.evaluation.name} → ${after.evaluation.name}`;
  const runs = `<header><h1>${escapeHtml(title)}</h1>
<p class="meta">before: ${escapeHtml(before.connectionTitle)} · <code>${escapeHtml(before.evaluation.id)}</code><br>after: ${escapeHtml(after.connectionTitle)} · <code>${escapeHtml(after.evaluation.id)}</code></p></header>`;
  if (!comparison) {
    return pageHtml({
      title,
      revision: model.revision,
      security,
      body: `${runs}<p class="muted">${model.problem ? `<span class="error">${escapeHtml(model.problem)}</span>` : 'Reading the samples of both runs…'}</p>`,
    });
  }
  const percent = (value: number): string => `${Math.round(value * 1000) / 10}%`;
  const rows = (
    [
      ['avg', comparison.avg, scoresOf(comparison.avg)],
      ['min', comparison.min, scoresOf(comparison.min)],
      ['max', comparison.max, scoresOf(comparison.max)],
      ['count', comparison.count, String],
      ['pass rate', comparison.passRate, percent],
    ] as Array<[string, FigureDelta, (value: number) => string]>
  )
    .map(
      ([name, figure, format]) =>
        `<tr><th>${name}</th><td>${show(figure.before, format)}</td><td>${show(figure.after, format)}</td>${deltaCell(figure.delta, name === 'count' ? String : signed(format))}</tr>`,
    )
    .join('');
  const figures = `<section><h2>Scores</h2><table class="stats compare"><thead><tr><th></th><th>before</th><th>after</th><th>change</th></tr></thead><tbody>${rows}</tbody></table></section>`;
  const changes =
    comparison.matched === 0
      ? `<p class="muted">No sample ids match between the two runs, so samples are not compared one by one.${model.problem ? ` ${escapeHtml(model.problem)}` : ''}</p>`
      : comparison.changed.length === 0
        ? `<p class="muted">All ${comparison.matched} matched samples scored the same.</p>`
        : `<p class="muted">${comparison.changed.length} of ${comparison.matched} matched samples that changed most.</p><table class="samples"><thead><tr><th>sample</th><th>before</th><th>after</th><th>change</th><th>output before / after</th></tr></thead><tbody>${comparison.changed
            .map((change) => {
              const format = scoresOf(change.before.score, change.after.score, change.delta);
              return `<tr class="change" data-sample-id="${escapeHtml(change.id)}"><td><code>${escapeHtml(change.id)}</code></td><td class="num">${show(change.before.score, format)}</td><td class="num">${show(change.after.score, format)}</td>${deltaCell(change.delta, signed(format))}<td>${change.before.output !== undefined ? textBlock('before', change.before.output) : ''}${change.after.output !== undefined ? textBlock('after', change.after.output) : ''}</td></tr>`;
            })
            .join('')}</tbody></table>`;
  return pageHtml({ title, revision: model.revision, security, body: `${runs}${figures}<section><h2>Samples that changed</h2>${changes}</section>` });
}

function show(value: number | undefined, format: (value: number) => string): string {
  return value === undefined ? '—' : escapeHtml(format(value));
}

/** One precision for the numbers of a row (before, after, change), by core's score rule. */
function scoresOf(...figures: Array<FigureDelta | number | undefined>): (value: number) => string {
  const values = figures
    .flatMap((figure) => (typeof figure === 'object' ? [figure.before, figure.after, figure.delta] : [figure]))
    .filter((value): value is number => value !== undefined)
    .map(Math.abs);
  return scoreFormatter(values);
}

function signed(format: (value: number) => string): (value: number) => string {
  return (value) => `${value > 0 ? '+' : value < 0 ? '−' : '±'}${format(Math.abs(value))}`;
}

function deltaCell(delta: number | undefined, format: (value: number) => string): string {
  if (delta === undefined) return '<td>—</td>';
  const kind = delta > 0 ? 'delta-up' : delta < 0 ? 'delta-down' : '';
  return `<td class="num ${kind}">${escapeHtml(delta > 0 && format === String ? `+${format(delta)}` : format(delta))}</td>`;
}
