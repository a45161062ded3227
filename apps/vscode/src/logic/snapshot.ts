import type { TreeNodeSnapshot } from '../api.js';
import { tooltipAt } from './row-timing.js';
import type { TreeNode } from './tree-model.js';

/** The API's view of a row: what VS Code draws (the tooltip as it would show at `now`), without the extension's internals. */
export function toSnapshot(node: TreeNode, children?: TreeNodeSnapshot[], now = Date.now()): TreeNodeSnapshot {
  const tooltip = tooltipAt(node, now);
  return {
    kind: node.kind,
    connectionId: node.connectionId,
    ...(node.groupId !== undefined ? { groupId: node.groupId } : {}),
    ...(node.evaluationId !== undefined ? { evaluationId: node.evaluationId } : {}),
    label: node.label,
    ...(node.description !== undefined ? { description: node.description } : {}),
    contextValue: node.contextValue,
    ...(node.icon ? { iconId: node.icon.id } : {}),
    ...(node.icon?.colorId ? { iconColor: node.icon.colorId } : {}),
    ...(tooltip !== undefined ? { tooltip } : {}),
    ...(node.accessibilityLabel !== undefined ? { accessibilityLabel: node.accessibilityLabel } : {}),
    ...(children ? { children } : {}),
  };
}
