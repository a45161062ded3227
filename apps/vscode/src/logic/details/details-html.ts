import { isTerminal, type Evaluation, type EvaluationSample, type SampleList } from '@evalgate/core';
import { reportUrlProblem } from '../endpoint.js';
import { formatScore, formatScores, formatTimestamp } from '../format.js';
import { relativeTime } from '../relative-time.js';
import { statusStyle } from '../status-style.js';
import { escapeHtml } from './escape-html.js';
import { histogramBins, histogramSvg } from './histogram.js';
import { detailsStats, lowestFirst, scoresOf } from './sample-stats.js';
import { pageHtml, type PageSecurity } from './page-html.js';
import type { StatusChange } from './status-timeline.js';

/** Most sample rows rendered; the rest are counted, not drawn (a run may have thousands). */
export const SAMPLE_ROWS_SHOWN = 50;

export type SamplesState = { kind: 'loading' } | { kind: 'loaded'; list: SampleList } | { kind: 'unsupported' } | { kind: 'failed'; message: string };

export interface DetailsModel {
  connectionTitle: string;
  evaluation: Evaluation;
  timeline: readonly StatusChange[];
  samples: SamplesState;
  /** Bumped on every render; the page reports it back so a test knows which render it saw. */
  revision: number;
  now: number;
}

/**
 * The details page. Everything from the provider is escaped; the Content-Security-Policy allows nothing but the
 * page's own nonce'd style and script (no remote content, no images, no frames, no forms). The report link does not
 * navigate: the script asks the extension, which checks the URL (https only) and opens it.
 */
export function detailsHtml(model: DetailsModel, security: PageSecurity): string {
  return pageHtml({
    title: model.evaluation.name,
    revision: model.revision,
    body: [header(model), statsSection(model), timelineSection(model.timeline, model.now), samplesSection(model.samples)].join('\n'),
    security,
  });
}

function header(model: DetailsModel): string {
  const { evaluation } = model;
  const style = statusStyle(evaluation.status);
  const progress = evaluation.progress;
  const progressText =
    !isTerminal(evaluation.status) && progress
      ? progress.completed !== undefined && progress.total !== undefined
        ? ` · ${progress.completed}/${progress.total} samples`
        : progress.fraction !== undefined
          ? ` · ${Math.round(progress.fraction * 100)}%`
          : ''
      : '';
  const facts: string[] = [`<span class="status status-${escapeHtml(evaluation.status)}">${escapeHtml(style.label)}</span>${escapeHtml(progressText)}`];
  if (evaluation.rawStatus !== style.label) facts.push(`provider status <code>${escapeHtml(evaluation.rawStatus)}</code>`);
  if (evaluation.createdAt)
    facts.push(
      `created <time title="${escapeHtml(formatTimestamp(evaluation.createdAt))}">${escapeHtml(relativeTime(evaluation.createdAt, model.now))}</time>`,
    );
  if (evaluation.model) facts.push(`model <code>${escapeHtml(evaluation.model)}</code>`);
  const report =
    evaluation.reportUrl && !reportUrlProblem(evaluation.reportUrl)
      ? ` <a href="#" id="open-report" title="${escapeHtml(evaluation.reportUrl)}">Open report</a>`
      : '';
  return `<header>
<h1>${escapeHtml(evaluation.name)}</h1>
<p class="meta">${escapeHtml(model.connectionTitle)} · <code>${escapeHtml(evaluation.id)}</code>${report}</p>
<p class="facts">${facts.join(' · ')}</p>
${evaluation.errorMessage ? `<p class="error">${escapeHtml(evaluation.errorMessage)}</p>` : ''}
</header>`;
}

function statsSection(model: DetailsModel): string {
  const samples = model.samples.kind === 'loaded' ? model.samples.list.samples : [];
  const stats = detailsStats(model.evaluation.scores, samples);
  const [avg = '', min = '', max = ''] = stats ? formatScores([stats.avg, stats.min, stats.max]) : [];
  const cells: Array<[string, string]> = stats
    ? [
        ['avg', avg],
        ['min', min],
        ['max', max],
        ['count', String(stats.count)],
        ['pass rate', stats.passRate === undefined ? '—' : `${Math.round(stats.passRate * 1000) / 10}%`],
      ]
    : [];
  const table =
    cells.length > 0
      ? `<table class="stats"><tr>${cells.map(([name]) => `<th>${name}</th>`).join('')}</tr><tr>${cells.map(([, value]) => `<td>${escapeHtml(value)}</td>`).join('')}</tr></table>`
      : `<p class="muted">No scores yet.</p>`;
  const scores = scoresOf(samples);
  const chart =
    scores.length > 0
      ? `<figure>${histogramSvg(histogramBins(scores))}<figcaption>Scores of ${scores.length} sample${scores.length === 1 ? '' : 's'}</figcaption></figure>`
      : '';
  return `<section><h2>Scores</h2>${table}${chart}</section>`;
}

function timelineSection(timeline: readonly StatusChange[], now: number): string {
  if (timeline.length === 0) return '';
  const items = timeline
    .map(
      (change) =>
        `<li><span class="status status-${escapeHtml(change.status)}">${escapeHtml(statusStyle(change.status).label)}</span> <code>${escapeHtml(change.rawStatus)}</code> <time title="${escapeHtml(formatTimestamp(new Date(change.seenAt)))}">${escapeHtml(relativeTime(new Date(change.seenAt), now))}</time></li>`,
    )
    .join('');
  return `<section><h2>Status changes seen</h2><ol class="timeline">${items}</ol></section>`;
}

function samplesSection(state: DetailsModel['samples']): string {
  const title = '<h2>Lowest-scoring samples</h2>';
  if (state.kind === 'loading') return `<section>${title}<p class="muted">Loading samples…</p></section>`;
  if (state.kind === 'unsupported') return `<section>${title}<p class="muted">This provider does not return per-sample results.</p></section>`;
  if (state.kind === 'failed') return `<section>${title}<p class="error">Could not load the samples: ${escapeHtml(state.message)}</p></section>`;
  const { samples, total, truncated } = state.list;
  if (samples.length === 0) return `<section>${title}<p class="muted">No samples yet.</p></section>`;
  const shown = lowestFirst(samples).slice(0, SAMPLE_ROWS_SHOWN);
  const read = truncated ? `the first ${samples.length}${total !== undefined ? ` of ${total}` : ''} read` : `${samples.length}`;
  const note = `<p class="muted">Showing ${shown.length} of ${escapeHtml(read)} sample${samples.length === 1 ? '' : 's'}, lowest score first.</p>`;
  return `<section>${title}${note}<table class="samples"><thead><tr><th>sample</th><th>score</th><th>verdict</th><th>input / output</th></tr></thead><tbody>${shown.map(sampleRow).join('')}</tbody></table></section>`;
}

function sampleRow(sample: EvaluationSample): string {
  const verdict = sample.passed === undefined ? '—' : sample.passed ? 'pass' : 'fail';
  const parts: string[] = [];
  if (sample.input !== undefined) parts.push(textBlock('input', sample.input));
  if (sample.output !== undefined) parts.push(textBlock('output', sample.output));
  if (sample.expected !== undefined) parts.push(textBlock('expected', sample.expected));
  if (sample.criteria && sample.criteria.length > 0) {
    const criteria = sample.criteria
      .map((criterion) => {
        const score = criterion.score === undefined ? '' : ` ${formatScore(criterion.score)}`;
        const passed = criterion.passed === undefined ? '' : criterion.passed ? ' pass' : ' fail';
        return `<li>${escapeHtml(criterion.name)}:${escapeHtml(score + passed)}</li>`;
      })
      .join('');
    parts.push(`<div class="block"><span class="tag">criteria</span><ul class="criteria">${criteria}</ul></div>`);
  }
  const score = sample.score === undefined ? '—' : formatScore(sample.score);
  return `<tr class="sample" data-sample-id="${escapeHtml(sample.id)}"><td><code>${escapeHtml(sample.id)}</code></td><td class="num">${escapeHtml(score)}</td><td class="verdict-${verdict === '—' ? 'none' : verdict}">${verdict}</td><td>${parts.join('') || '<span class="muted">no text from the provider</span>'}</td></tr>`;
}

export function textBlock(tag: string, text: string): string {
  return `<div class="block"><span class="tag">${tag}</span><pre>${escapeHtml(text)}</pre></div>`;
}
