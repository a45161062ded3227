import type { Evaluation, EvaluationSample } from '@evalgate/core';
import { describe, expect, it } from 'vitest';
import { detailsHtml, SAMPLE_ROWS_SHOWN, type DetailsModel } from '../../src/logic/details/details-html.js';
import { escapeHtml } from '../../src/logic/details/escape-html.js';
import { withOverrides, type Overrides } from './helpers/overrides.js';

const HOSTILE = `</pre><script>alert(1)</script><img src=x onerror="fetch('https://evil.test')"><a href="command:workbench.action.terminal.new">x</a>' \``;
const NOW = Date.parse('2026-11-30T12:00:00Z');

function evaluation(overrides: Overrides<Evaluation> = {}): Evaluation {
  return withOverrides(
    {
      provider: 'prime',
      id: 'ev-1',
      name: 'nightly',
      status: 'completed',
      rawStatus: 'COMPLETED',
      scores: { avg: 0.5, min: 0, max: 1, count: 3 },
      createdAt: new Date(NOW - 3 * 60_000),
      capabilities: { canCancel: false, canFinalize: true },
    },
    overrides,
  );
}

function model(samples: EvaluationSample[], overrides: Partial<DetailsModel> = {}): DetailsModel {
  return {
    connectionTitle: 'prime · 127.0.0.1:4010',
    evaluation: evaluation(),
    timeline: [
      { status: 'running', rawStatus: 'RUNNING', seenAt: NOW - 120_000 },
      { status: 'completed', rawStatus: 'COMPLETED', seenAt: NOW - 60_000 },
    ],
    samples: { kind: 'loaded', list: { samples, truncated: false } },
    revision: 3,
    now: NOW,
    ...overrides,
  };
}

/** Every element in the page: provider text is escaped, so any `<name` left is the builder's own markup. */
function tagNames(html: string): Set<string> {
  return new Set([...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)/g)].map((match) => match[1]!.toLowerCase()));
}

describe('detailsHtml', () => {
  it('has a strict CSP: nothing by default, only its own nonce for style and script', () => {
    const html = detailsHtml(model([]), { nonce: 'abc123' });
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    expect(csp).toBe("default-src 'none'; style-src 'nonce-abc123'; script-src 'nonce-abc123'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'");
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((match) => match[1]);
    expect(scripts).toEqual([' nonce="abc123"']);
    expect([...html.matchAll(/<style([^>]*)>/g)].map((match) => match[1])).toEqual([' nonce="abc123"']);
    expect(html).not.toMatch(/\sstyle="/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/(src|href)="(?!#")/);
  });

  it('escapes hostile sample text, names, ids and statuses so they stay text', () => {
    const samples: EvaluationSample[] = [
      { id: HOSTILE, score: 0.1, passed: false, input: HOSTILE, output: HOSTILE, expected: HOSTILE, criteria: [{ name: HOSTILE, score: 0, passed: false }] },
    ];
    const html = detailsHtml(
      model(samples, {
        evaluation: evaluation({ name: HOSTILE, id: HOSTILE, rawStatus: HOSTILE, model: HOSTILE, errorMessage: HOSTILE }),
        timeline: [{ status: 'unknown', rawStatus: HOSTILE, seenAt: NOW }],
      }),
      { nonce: 'n' },
    );
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('href="command:');
    expect(html).toContain(escapeHtml(HOSTILE));
    const allowed = [
      '!doctype',
      'html',
      'head',
      'meta',
      'title',
      'style',
      'body',
      'header',
      'h1',
      'h2',
      'p',
      'code',
      'span',
      'time',
      'section',
      'table',
      'thead',
      'tbody',
      'tr',
      'th',
      'td',
      'div',
      'pre',
      'ul',
      'ol',
      'li',
      'figure',
      'figcaption',
      'svg',
      'line',
      'rect',
      'text',
      'script',
    ];
    for (const tag of tagNames(html)) expect(allowed, tag).toContain(tag);
  });

  it('offers the report link only for https, and as a click the extension handles (no navigation)', () => {
    const https = detailsHtml(model([], { evaluation: evaluation({ reportUrl: 'https://app.example.test/r/1' }) }), { nonce: 'n' });
    expect(https).toContain('<a href="#" id="open-report" title="https://app.example.test/r/1">Open report</a>');
    for (const reportUrl of ['file:///etc/passwd', 'command:workbench.action.terminal.new', 'javascript:alert(1)', 'http://evil.test/']) {
      expect(detailsHtml(model([], { evaluation: evaluation({ reportUrl }) }), { nonce: 'n' })).not.toContain('id="open-report"');
    }
  });

  it('shows the stats, a histogram of the sample scores and the samples lowest first', () => {
    const samples: EvaluationSample[] = [
      { id: 'a', score: 0.9, passed: true, output: 'fine' },
      { id: 'b', score: 0.1, passed: false, output: 'wrong' },
      { id: 'c' },
      { id: 'd', score: 0.5 },
    ];
    const html = detailsHtml(model(samples, { evaluation: evaluation({ scores: undefined }) }), { nonce: 'n' });
    const rowIds = [...html.matchAll(/<tr class="sample" data-sample-id="([^"]*)"/g)].map((match) => match[1]);
    expect(rowIds).toEqual(['b', 'd', 'a', 'c']);
    // Computed from the three scored samples; pass rate from the two verdicts.
    expect(html).toContain('<td>0.50</td><td>0.10</td><td>0.90</td><td>3</td><td>50%</td>');
    expect([...html.matchAll(/<rect class="bar"/g)]).toHaveLength(10);
    expect(html).toContain('Histogram of 3 sample scores in 10 bins');
    expect(html).toContain('created <time title="2026-11-30 11:57:00 UTC">3 min ago</time>');
    expect(html).toMatch(/<ol class="timeline"><li>.*RUNNING.*2 min ago.*<\/li><li>.*COMPLETED.*1 min ago/);
  });

  it(`draws at most ${SAMPLE_ROWS_SHOWN} sample rows and says how many were read`, () => {
    const samples = Array.from({ length: 120 }, (_, index) => ({ id: `s${index}`, score: index / 120 }));
    const html = detailsHtml(model(samples, { samples: { kind: 'loaded', list: { samples, total: 5000, truncated: true } } }), { nonce: 'n' });
    expect([...html.matchAll(/<tr class="sample"/g)]).toHaveLength(SAMPLE_ROWS_SHOWN);
    expect(html).toContain(`Showing ${SAMPLE_ROWS_SHOWN} of the first 120 of 5000 read samples, lowest score first.`);
  });

  it('says why there are no samples: loading, unsupported, failed (escaped), none yet', () => {
    expect(detailsHtml(model([], { samples: { kind: 'loading' } }), { nonce: 'n' })).toContain('Loading samples…');
    expect(detailsHtml(model([], { samples: { kind: 'unsupported' } }), { nonce: 'n' })).toContain('does not return per-sample results');
    expect(detailsHtml(model([], { samples: { kind: 'failed', message: '<b>503</b>' } }), { nonce: 'n' })).toContain(
      'Could not load the samples: &lt;b&gt;503&lt;/b&gt;',
    );
    expect(detailsHtml(model([]), { nonce: 'n' })).toContain('No samples yet.');
  });

  it('shows live progress of a running evaluation', () => {
    const html = detailsHtml(
      model([], { evaluation: evaluation({ status: 'running', rawStatus: 'RUNNING', scores: undefined, progress: { completed: 4, total: 20 } }) }),
      { nonce: 'n' },
    );
    expect(html).toContain('<span class="status status-running">running</span> · 4/20 samples');
    expect(html).toContain('No scores yet.');
  });
});
