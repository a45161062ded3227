import type { TreeNodeSnapshot } from '../api.js';
import type { TreeNode } from './tree-model.js';

/** The API's view of a row: what VS Code draws, without the extension's internals. */
export function toSnapshot(node: TreeNode, children?: TreeNodeSnapshot[]): TreeNodeSnapshot {
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
    ...(node.tooltip !== undefined ? { tooltip: node.tooltip } : {}),
    ...(node.accessibilityLabel !== undefined ? { accessibilityLabel: node.accessibilityLabel } : {}),
    ...(children ? { children } : {}),
  };
}
