import type { Evaluation } from '@evalgate/core';
import { describe, expect, it } from 'vitest';
import { diffChildren, stableRows } from '../../src/logic/row-diff.js';
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
    NOW,
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
});
