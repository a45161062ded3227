import { describe, expect, it } from 'vitest';
import { addConnectionArgsOf, isTreeRow, statusesArgOf } from '../../src/logic/command-args.js';
import { evaluationNode } from '../../src/logic/tree-model.js';

// What VS Code passes to a view-title command while a row is selected: the row's element.
const selectedRow = evaluationNode(
  { connectionId: 'emu-prime' },
  { provider: 'prime', id: 'e1', name: 'n', status: 'completed', rawStatus: 'COMPLETED', capabilities: { canCancel: false, canFinalize: false } },
);

describe('title commands ignore the selected row VS Code passes them', () => {
  it('recognises tree rows, not argument objects', () => {
    expect(isTreeRow(selectedRow)).toBe(true);
    expect(isTreeRow({ provider: 'prime', baseUrl: 'http://127.0.0.1:4010' })).toBe(false);
    expect(isTreeRow(['completed'])).toBe(false);
  });

  it('Add Connection asks when given a row or nothing, and adds when given an entry', () => {
    expect(addConnectionArgsOf(selectedRow)).toEqual({ ask: true });
    expect(addConnectionArgsOf(undefined)).toEqual({ ask: true });
    expect(addConnectionArgsOf({ provider: 'nugen', baseUrl: 'http://127.0.0.1:4010', label: 'x' })).toEqual({
      ask: false,
      args: { provider: 'nugen', baseUrl: 'http://127.0.0.1:4010', label: 'x' },
    });
    const bad = addConnectionArgsOf({ provider: 'acme', baseUrl: 1 });
    expect(bad).toMatchObject({ ask: false, problem: expect.stringMatching(/^expected \{ provider.*provider .*baseUrl /) });
  });

  it('Filter by Status asks when given a row or nothing, and filters when given statuses', () => {
    expect(statusesArgOf(selectedRow)).toBeUndefined();
    expect(statusesArgOf(undefined)).toBeUndefined();
    expect(statusesArgOf(['running'])).toEqual(['running']);
    expect(statusesArgOf('failed')).toEqual(['failed']);
    expect(statusesArgOf([])).toEqual([]);
  });
});
