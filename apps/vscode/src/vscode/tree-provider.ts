import * as vscode from 'vscode';
import { VIEW_STATE_CONTEXT_KEY, type TreeNodeSnapshot, type ViewState } from '../api.js';
import { toSnapshot } from '../logic/snapshot.js';
import type { EvaluationStore } from '../logic/store.js';
import { diffChildren, stableRows } from '../logic/row-diff.js';
import { childNodes, rootNodes, type TreeNode } from '../logic/tree-model.js';
import { tooltipAt } from '../logic/row-timing.js';
import { computeViewState } from '../logic/view-state.js';
import { markdownTooltip, toTreeItem } from './tree-item.js';

const ROOT = '';

/**
 * Feeds the Evaluations view from the store: loads a list when VS Code first asks for it, then draws it. Rows keep
 * their object identity across updates, and a store change redraws only the rows whose content changed: a redraw
 * closes an open tooltip, so polling every few seconds must not redraw rows that stayed the same.
 */
export class EvaluationsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | TreeNode[] | undefined>();
  /** Every row handed to VS Code, by row id. */
  private readonly rows = new Map<string, TreeNode>();
  /** The children ids last handed out per parent row id (ROOT for the top level). */
  private readonly shown = new Map<string, string[]>();
  readonly onDidChangeTreeData = this.changed.event;
  private currentViewState: ViewState | undefined;
  private fireScheduled = false;
  private readonly subscription: { dispose(): void };

  constructor(
    private readonly store: EvaluationStore,
    /** Settings and keys are read; resolves before the first rows are drawn. */
    private readonly ready: () => Promise<void>,
    private readonly connectionsInvalid: () => boolean,
  ) {
    this.subscription = store.onDidChange(() => this.scheduleFire());
  }

  get viewState(): ViewState {
    return this.currentViewState ?? computeViewState(this.store, this.connectionsInvalid());
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return toTreeItem(node);
  }

  /** The tooltip of a row with times, computed as it is shown: the row itself need not change as time passes. */
  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    const text = tooltipAt(node, Date.now());
    if (item.tooltip === undefined && text !== undefined) item.tooltip = markdownTooltip(text);
    return item;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    await this.ready();
    if (!node) {
      await this.store.ensureTopListsLoaded();
      return this.remember(ROOT, rootNodes(this.store, this.updateViewState()));
    }
    if (node.kind === 'connection') await this.store.ensureLoaded({ connectionId: node.connectionId });
    if (node.kind === 'group' && node.groupId !== undefined) {
      await this.store.ensureLoaded({ connectionId: node.connectionId, groupId: node.groupId });
    }
    return this.remember(node.id, childNodes(this.store, node));
  }

  /** The rows as VS Code would get them, children of expandable rows included unless `expand` is false. */
  async snapshot(expand = true, parent?: TreeNode): Promise<TreeNodeSnapshot[]> {
    const nodes = await this.getChildren(parent);
    return Promise.all(nodes.map(async (node) => toSnapshot(node, expand && node.collapsible !== 'none' ? await this.snapshot(expand, node) : undefined)));
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private updateViewState(): ViewState {
    const state = computeViewState(this.store, this.connectionsInvalid());
    if (state !== this.currentViewState) {
      this.currentViewState = state;
      void vscode.commands.executeCommand('setContext', VIEW_STATE_CONTEXT_KEY, state);
    }
    return state;
  }

  private remember(parentId: string, nodes: TreeNode[]): TreeNode[] {
    const rows = stableRows(nodes, this.rows);
    this.shown.set(
      parentId,
      rows.map((row) => row.id),
    );
    return rows;
  }

  // Many store changes in one turn (a poll round, several pages) redraw once.
  private scheduleFire(): void {
    if (this.fireScheduled) return;
    this.fireScheduled = true;
    setTimeout(() => {
      this.fireScheduled = false;
      this.fireChangedRows();
    }, 0);
  }

  /** Redraws the rows whose content changed, a parent whose children changed, or everything when the state did. */
  private fireChangedRows(): void {
    const state = computeViewState(this.store, this.connectionsInvalid());
    if (state !== this.currentViewState || !this.shown.has(ROOT)) {
      this.redrawAll();
      return;
    }
    const changed = new Set<TreeNode>();
    for (const [parentId, shownIds] of this.shown) {
      const parent = parentId === ROOT ? undefined : this.rows.get(parentId);
      if (parentId !== ROOT && !parent) continue;
      const next = parent ? childNodes(this.store, parent) : rootNodes(this.store, state);
      const diff = diffChildren(shownIds, next, this.rows);
      if (diff.structureChanged) {
        if (!parent) {
          this.redrawAll();
          return;
        }
        changed.add(parent);
      }
      for (const row of diff.changed) changed.add(row);
    }
    if (changed.size > 0) this.changed.fire([...changed]);
  }

  private redrawAll(): void {
    this.shown.clear();
    this.rows.clear();
    this.changed.fire(undefined);
  }
}
