import type { TreeNode } from './tree-model.js';

/** Two renderings of one row draw the same (label, description, tooltip, icon, menus, command…). */
export function sameRow(a: TreeNode, b: TreeNode): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface ChildrenDiff {
  /** Rows were added, removed or reordered: the parent itself must be redrawn. */
  structureChanged: boolean;
  /** Rows whose content changed in place (already updated in `cache`, same objects as before). */
  changed: TreeNode[];
}

/**
 * Compares a parent's freshly computed children with the ids it showed last, updating cached rows in place so
 * VS Code keeps its element identity and only rows that really changed are redrawn (a redraw closes their tooltip).
 */
export function diffChildren(shownIds: readonly string[], next: readonly TreeNode[], cache: Map<string, TreeNode>): ChildrenDiff {
  const structureChanged = shownIds.length !== next.length || next.some((node, index) => node.id !== shownIds[index]);
  const changed: TreeNode[] = [];
  for (const node of next) {
    const cached = cache.get(node.id);
    if (!cached) continue;
    if (sameRow(cached, node)) continue;
    replaceInPlace(cached, node);
    changed.push(cached);
  }
  return { structureChanged, changed };
}

/** The cached row object for each node (new rows are cached as they are): what getChildren returns. */
export function stableRows(next: readonly TreeNode[], cache: Map<string, TreeNode>): TreeNode[] {
  return next.map((node) => {
    const cached = cache.get(node.id);
    if (!cached) {
      cache.set(node.id, node);
      return node;
    }
    if (!sameRow(cached, node)) replaceInPlace(cached, node);
    return cached;
  });
}

function replaceInPlace(target: TreeNode, source: TreeNode): void {
  for (const key of Object.keys(target) as Array<keyof TreeNode>) if (!(key in source)) delete target[key];
  Object.assign(target, source);
}
