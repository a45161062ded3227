import type { Evaluation } from '@evalgate/core';
import { describe, expect, it } from 'vitest';
import { compareEvaluations } from '../../src/logic/compare/compare-evaluations.js';
import { compareHtml } from '../../src/logic/compare/compare-html.js';
import { comparedRefs } from '../../src/logic/compare/compared-refs.js';

const before = {
  scores: { avg: 0.6, min: 0.1, max: 0.9, count: 4, passRate: 0.5 },
  samples: [
    { id: '1', score: 0.9, output: 'Paris' },
    { id: '2', score: 0.1 },
    { id: '3', score: 0.5 },
    { id: '4', score: 0.9 },
    { id: 'gone', score: 0.2 },
  ],
};
const after = {
  scores: { avg: 0.55, min: 0, max: 1, count: 5 },
  samples: [
    { id: '1', score: 0.2, output: 'Lyon' },
    { id: '2', score: 0.8 },
    { id: '3', score: 0.5 },
    { id: '4', score: 1 },
    { id: 'new', score: 0 },
    { id: '5' },
  ],
};

describe('compareEvaluations', () => {
  it('gives the deltas of the figures and the matched samples that moved most, regressions first on a tie', () => {
    const comparison = compareEvaluations(before, after);
    expect(comparison.avg.delta).toBeCloseTo(-0.05, 10);
    expect(comparison.min).toEqual({ before: 0.1, after: 0, delta: -0.1 });
    expect(comparison.count).toEqual({ before: 4, after: 5, delta: 1 });
    expect(comparison.passRate).toEqual({ before: 0.5 });
    expect(comparison.matched).toBe(4);
    expect(comparison.changed.map((change) => [change.id, Number(change.delta.toFixed(3))])).toEqual([
      ['1', -0.7],
      ['2', 0.7],
      ['4', 0.1],
    ]);
    expect(compareEvaluations(before, after, 1).changed).toHaveLength(1);
  });

  it('compares nothing one by one when no ids match, and no figures without scores', () => {
    const comparison = compareEvaluations({ samples: [{ id: 'a', score: 1 }] }, { samples: [{ id: 'b', score: 0 }] });
    expect(comparison).toMatchObject({ matched: 0, changed: [], avg: {} });
  });
});

describe('comparedRefs', () => {
  const row = (evaluationId: string) => ({ kind: 'evaluation', contextValue: 'evaluation', connectionId: 'c', evaluationId });
  it('takes the multi-selection VS Code passes, else an array as the first argument', () => {
    expect(comparedRefs(row('a'), [row('a'), row('b')])).toEqual([
      { connectionId: 'c', evaluationId: 'a' },
      { connectionId: 'c', evaluationId: 'b' },
    ]);
    expect(comparedRefs([row('x'), { connectionId: 'd', evaluationId: 'y' }], undefined)).toEqual([
      { connectionId: 'c', evaluationId: 'x' },
      { connectionId: 'd', evaluationId: 'y' },
    ]);
  });
  it('refuses anything but two distinct evaluations', () => {
    expect(comparedRefs(row('a'), [row('a')])).toBeUndefined();
    expect(comparedRefs(row('a'), [row('a'), row('a')])).toBeUndefined();
    expect(comparedRefs(row('a'), [row('a'), row('b'), row('c')])).toBeUndefined();
    expect(comparedRefs(row('a'), [row('a'), { connectionId: 'c' }])).toBeUndefined();
    expect(comparedRefs(undefined, undefined)).toBeUndefined();
  });
});

describe('compareHtml', () => {
  const evaluation = (id: string, name: string): Evaluation => ({
    provider: 'prime',
    id,
    name,
    status: 'completed',
    rawStatus: 'COMPLETED',
    capabilities: { canCancel: false, canFinalize: true },
  });
  it('shows signed deltas and the changed samples, escaping provider text, under the strict CSP', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const html = compareHtml(
      {
        before: { evaluation: evaluation('a', hostile), connectionTitle: 'prime · h' },
        after: { evaluation: evaluation('b', 'nightly'), connectionTitle: 'prime · h' },
        comparison: compareEvaluations(before, {
          ...after,
          samples: after.samples.map((sample) => (sample.id === '1' ? { ...sample, output: hostile } : sample)),
        }),
        revision: 1,
      },
      { nonce: 'n1' },
    );
    expect(html).toContain(`content="default-src 'none'; style-src 'nonce-n1'; script-src 'nonce-n1';`);
    expect(html).not.toContain('<img');
    expect(html).toContain('<tr><th>avg</th><td>0.60</td><td>0.55</td><td class="num delta-down">−0.05</td></tr>');
    expect(html).toContain('<tr><th>count</th><td>4</td><td>5</td><td class="num delta-up">+1</td></tr>');
    expect([...html.matchAll(/<tr class="change" data-sample-id="([^"]*)"/g)].map((match) => match[1])).toEqual(['1', '2', '4']);
  });
  it('says it is reading while the samples load, and why when none match', () => {
    const sides = { before: { evaluation: evaluation('a', 'x'), connectionTitle: 't' }, after: { evaluation: evaluation('b', 'y'), connectionTitle: 't' } };
    expect(compareHtml({ ...sides, comparison: undefined, revision: 1 }, { nonce: 'n' })).toContain('Reading the samples of both runs…');
    expect(compareHtml({ ...sides, comparison: compareEvaluations({ samples: [] }, { samples: [] }), revision: 2 }, { nonce: 'n' })).toContain(
      'No sample ids match',
    );
  });
});
