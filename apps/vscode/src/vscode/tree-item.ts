import * as vscode from 'vscode';
import type { TreeNode } from '../logic/tree-model.js';

const COLLAPSIBLE: Record<TreeNode['collapsible'], vscode.TreeItemCollapsibleState> = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
};

export function toTreeItem(node: TreeNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, COLLAPSIBLE[node.collapsible]);
  item.id = node.id;
  item.contextValue = node.contextValue;
  if (node.description !== undefined) item.description = node.description;
  if (node.accessibilityLabel !== undefined) item.accessibilityInformation = { label: node.accessibilityLabel };
  if (node.tooltip !== undefined) {
    // Untrusted and without command links: names come from the provider.
    const tooltip = new vscode.MarkdownString(node.tooltip);
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    item.tooltip = tooltip;
  }
  if (node.icon) {
    item.iconPath = new vscode.ThemeIcon(node.icon.id, node.icon.colorId ? new vscode.ThemeColor(node.icon.colorId) : undefined);
  }
  if (node.command) item.command = node.command;
  return item;
}
