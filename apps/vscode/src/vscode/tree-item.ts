import * as vscode from 'vscode';
import type { TreeNode } from '../logic/tree-model.js';

const COLLAPSIBLE: Record<TreeNode['collapsible'], vscode.TreeItemCollapsibleState> = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
};

/** Untrusted and without command links: names come from the provider. */
export function markdownTooltip(text: string): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString(text);
  tooltip.isTrusted = false;
  tooltip.supportHtml = false;
  return tooltip;
}

/**
 * The row as VS Code draws it. A row with times ("started 3 min ago") gets no tooltip here: VS Code then asks
 * `resolveTreeItem` when the pointer rests on it, so the words are true when read (tree-provider.ts).
 */
export function toTreeItem(node: TreeNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, COLLAPSIBLE[node.collapsible]);
  item.id = node.id;
  item.contextValue = node.contextValue;
  if (node.description !== undefined) item.description = node.description;
  if (node.accessibilityLabel !== undefined) item.accessibilityInformation = { label: node.accessibilityLabel };
  if (node.tooltip !== undefined && node.timing === undefined) item.tooltip = markdownTooltip(node.tooltip);
  if (node.icon) {
    item.iconPath = new vscode.ThemeIcon(node.icon.id, node.icon.colorId ? new vscode.ThemeColor(node.icon.colorId) : undefined);
  }
  if (node.command) item.command = node.command;
  return item;
}
