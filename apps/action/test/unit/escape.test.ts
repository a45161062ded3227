import { describe, expect, it } from 'vitest';
import { codeSpan, escapeText, makeRedactor, markdownLink, redactDeep, safeId, safeUrl } from '@evalgate/gate';
import { run } from '../../src/run.js';
import { PR_CONTEXT, harness } from '../support/fakes.js';

describe('escapeText', () => {
  it('neutralises HTML, comments, links, images, autolinks, mentions, code and table pipes', () => {
    const text = escapeText('<b>x</b> <!-- y --> [a](https://e.x) ![i](u) www.e.x @team `c` | d\nnext &amp;');
    expect(text).not.toMatch(/<[a-z!/]/i);
    expect(text).not.toMatch(/(?<!\\)\[/);
    expect(text).not.toMatch(/@team|https:\/\/|www\.e/);
    expect(text).not.toMatch(/(?<!\\)[`|]/);
    expect(text).not.toContain('\n');
    expect(text).toContain('&amp;amp;');
    expect(escapeText('avg 0.82 < 0.9')).toBe('avg 0.82 < 0.9');
  });
});

describe('safeUrl and markdownLink', () => {
  it('accepts https and loopback http only, and encodes what could end a link', () => {
    expect(safeUrl('https://report.example/a(b)')).toBe('https://report.example/a%28b%29');
    expect(safeUrl('http://127.0.0.1:8080/r')).toBe('http://127.0.0.1:8080/r');
    for (const bad of ['javascript:alert(1)', 'http://evil.example/', 'data:text/html,x', '/relative', 'https://user:pw@e.x/', 'not a url']) {
      expect(safeUrl(bad)).toBeUndefined();
    }
    expect(markdownLink('report', 'javascript:alert(1)')).toBe('report: javascript:alert(1) (not linked: not an https URL)');
    expect(markdownLink('report', 'https://e.x/r')).toBe('[report](https://e.x/r)');
  });

  it('ids: a safe charset only; code spans cannot be closed by backticks in the text', () => {
    expect(safeId('eval_1/run_2')).toBe('eval_1/run_2');
    expect(safeId('$(curl evil)')).toBeUndefined();
    expect(safeId('a b')).toBeUndefined();
    expect(codeSpan('a`b')).toBe('``a`b``');
  });
});

describe('redactor', () => {
  it('masks a key also URL-encoded or JSON-escaped, in nested values', () => {
    const redact = makeRedactor(['sk/key"1234']);
    expect(redact('a sk/key"1234 b sk%2Fkey%221234 c sk/key\\"1234')).toBe('a *** b *** c ***');
    expect(redactDeep({ output: { summary: ['sk/key"1234'] }, n: 1 }, redact)).toEqual({ output: { summary: ['***'] }, n: 1 });
  });
});

describe('run() outputs from hostile provider values', () => {
  it('an id outside the safe charset or a non-https URL leaves the output empty with a warning; the check shows them inert', async () => {
    const h = harness('nugen');
    const hostile = h.client.seed({
      id: 'ev-$(curl evil)`x`',
      status: 'completed',
      reportUrl: 'javascript:alert(1)',
      scores: { avg: 0.9, min: 0.5, max: 1, count: 3 },
    });
    await h.github.createCheck({ name: 'evalgate', headSha: PR_CONTEXT.sha, externalId: hostile.id, startedAt: '', output: { title: '', summary: '' } });
    const outcome = await run(h.deps);
    expect(outcome.gate).toBe('pass');
    expect(h.sink.outputs.get('evaluation-id')).toBe('');
    expect(h.sink.outputs.get('report-url')).toBe('');
    expect(JSON.parse(h.sink.outputs.get('result-json')!)).toMatchObject({ evaluationId: null, reportUrl: null });
    expect(h.logger.text()).toContain('evaluation id with characters outside [A-Za-z0-9._:/-]; the evaluation-id output is left empty');
    expect(h.logger.text()).toContain('report URL that is not https; the report-url output is left empty');
    const summary = h.github.checks[0]!.output!.summary;
    expect(summary).toContain('`` ev-$(curl evil)`x` ``');
    expect(summary).not.toContain('](javascript:');
    expect(h.github.checks[0]!.detailsUrl).toBeUndefined();
  });
});
