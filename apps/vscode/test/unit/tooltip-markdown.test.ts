// Tooltips are Markdown built from provider-controlled text: rendered by a real CommonMark parser (with GFM-style
// autolinks, as VS Code's renderer has), hostile values must stay literal text inside their own line.
import type { Evaluation } from '@evalgate/core';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { evaluationTooltip } from '../../src/logic/evaluation-text.js';
import { codeSpan, escapeMarkdown } from '../../src/logic/format.js';

const markdown = new MarkdownIt({ html: true, linkify: true });

const HOSTILE = [
  '`) [click](command:workbench.action.terminal.new) (`',
  '``` `double` ```',
  'RUNNING\n\n# Heading\n- [x](https://evil.example)',
  '<img src=x onerror=alert(1)>',
  'https://evil.example/path www.evil.example',
  '**bold** _it_ ~~gone~~ ![img](https://evil.example/x.png)',
  '`',
  '',
];

function tooltipWithStatus(rawStatus: string, extra: Partial<Evaluation> = {}): string {
  const evaluation: Evaluation = {
    provider: 'prime',
    id: 'ev-1',
    name: 'n',
    status: 'running',
    rawStatus,
    capabilities: { canCancel: false, canFinalize: false },
    ...extra,
  };
  return evaluationTooltip(evaluation, 0);
}

/** The text of the rendered element of the tooltip's "Status" list item. */
function statusItem(html: string): string {
  const match = /<li>Status: running (.*?)<\/li>/s.exec(html);
  if (!match) throw new Error(`no Status item in:\n${html}`);
  return match[1]!;
}

const unescapeHtml = (html: string) =>
  html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('tooltip Markdown against a real renderer', () => {
  it('keeps a raw status inside one code span, whatever backticks, newlines or links it holds', () => {
    for (const raw of HOSTILE.filter((value) => value !== '')) {
      const html = markdown.render(tooltipWithStatus(raw));
      const item = statusItem(html);
      const code = /^\(<code>(.*)<\/code>\)$/s.exec(item);
      expect(code, `${JSON.stringify(raw)} rendered as ${item}`).not.toBeNull();
      expect(unescapeHtml(code![1]!)).toBe(raw.replace(/\n+/g, ' '));
      expect(html).not.toMatch(/<a |<img |<h1>|<strong>bold/);
      // Nothing leaked into extra list items or blocks.
      expect(html.match(/<li>/g)).toHaveLength(3);
    }
  });

  it('shows names, models and errors as literal text, never as links, images, HTML or headings', () => {
    for (const text of HOSTILE) {
      const html = markdown.render(`- Name: ${escapeMarkdown(text)}`);
      expect(html, JSON.stringify(text)).not.toMatch(/<a |<img |<h1>|<strong>|<em>|<s>|<code>/);
      expect(unescapeHtml(html.replace(/^<ul>\n<li>Name: ?|<\/li>\n<\/ul>\n$/g, ''))).toBe(text.replace(/\n+/g, ' ').trimEnd());
    }
    const html = markdown.render(tooltipWithStatus('RUNNING', { name: '[x](command:evil)', model: '<b>m</b>', errorMessage: 'see https://evil.example' }));
    expect(html).not.toMatch(/<a |<b>/);
  });

  it('builds code spans CommonMark reads back exactly', () => {
    for (const text of ['plain', 'a`b', '``x``', '`lead', 'trail`']) {
      expect(unescapeHtml(/<code>(.*)<\/code>/s.exec(markdown.renderInline(codeSpan(text)))![1]!)).toBe(text);
    }
  });
});
