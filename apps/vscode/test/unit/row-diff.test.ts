import type { Evaluation } from '@evalgate/core';
import { describe, expect, it } from 'vitest';
import { diffChildren, stableRows } from '../../src/logic/row-diff.js';
import { tooltipAt } from '../../src/logic/row-timing.js';
import { evaluationNode, type TreeNode } from '../../src/logic/tree-model.js';
import { withOverrides, type Overrides } from './helpers/overrides.js';

const NOW = Date.parse('2026-11-30T12:00:00Z');

function row(id: string, overrides: Overrides<Evaluation> = {}): TreeNode {
  return evaluationNode(
    { connectionId: 'c' },
    withOverrides(
      {
        provider: 'prime',
        id,
        name: `evaluation ${id}`,
        status: 'completed',
        rawStatus: 'COMPLETED',
        capabilities: { canCancel: false, canFinalize: false },
        scores: { avg: 0.5, min: 0, max: 1, count: 2 },
      },
      overrides,
    ),
  );
}

describe('rows update in place, and only when they changed', () => {
  it('hands VS Code the same objects for unchanged rows across polls', () => {
    const cache = new Map<string, TreeNode>();
    const first = stableRows([row('a'), row('b')], cache);
    const second = stableRows([row('a'), row('b')], cache);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).toBe(first[1]);
  });

  it('reports nothing for a poll that changed nothing', () => {
    const cache = new Map<string, TreeNode>();
    const shown = stableRows([row('a'), row('b')], cache).map((node) => node.id);
    expect(diffChildren(shown, [row('a'), row('b')], cache)).toEqual({ structureChanged: false, changed: [] });
  });

  it('reports only the row whose content changed, updated in place', () => {
    const cache = new Map<string, TreeNode>();
    const [a, b] = stableRows([row('a'), row('b', { status: 'running', rawStatus: 'RUNNING', scores: undefined })], cache);
    const diff = diffChildren([a!.id, b!.id], [row('a'), row('b')], cache);
    expect(diff.structureChanged).toBe(false);
    expect(diff.changed).toEqual([b]);
    expect(diff.changed[0]).toBe(b);
    expect(b!.description).toBe('avg 0.50');
    expect(b!.contextValue).toContain('status-completed');
  });

  it('says the parent must redraw when a row appears at the top', () => {
    const cache = new Map<string, TreeNode>();
    const shown = stableRows([row('a')], cache).map((node) => node.id);
    expect(diffChildren(shown, [row('new'), row('a')], cache).structureChanged).toBe(true);
  });

  it('a running row stays the same row as time passes: its relative times are computed when the tooltip is shown', () => {
    const running: Overrides<Evaluation> = { status: 'running', rawStatus: 'RUNNING', scores: undefined, createdAt: new Date(NOW - 3 * 60_000) };
    const cache = new Map<string, TreeNode>();
    const [shown] = stableRows([row('a', running)], cache);
    expect(diffChildren([shown!.id], [row('a', running)], cache)).toEqual({ structureChanged: false, changed: [] });
    expect(shown!.tooltip).not.toMatch(/ago|Duration/);
    expect(tooltipAt(shown!, NOW)).toContain('- Started: 3 min ago (2026-11-30 11:57:00 UTC)');
    expect(tooltipAt(shown!, NOW)).toContain('- Duration: 3m 00s so far');
    const later = tooltipAt(shown!, NOW + 5 * 60_000);
    expect(later).toContain('- Started: 8 min ago (2026-11-30 11:57:00 UTC)');
    expect(later).toContain('- Duration: 8m 00s so far');
  });

  it('a finished row tells when it finished; a row without times keeps its tooltip as it is', () => {
    const [done] = stableRows([row('d', { createdAt: new Date(NOW - 3_600_000), updatedAt: new Date(NOW - 60_000) })], new Map());
    expect(tooltipAt(done!, NOW)).toMatch(/- Started: 1 h ago .*\n- Finished: 1 min ago .*\n- Duration: 59m 00s$/);
    const [timeless] = stableRows([row('t')], new Map());
    expect(timeless!.timing).toBeUndefined();
    expect(tooltipAt(timeless!, NOW)).toBe(timeless!.tooltip);
  });
});
