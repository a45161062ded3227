import * as vscode from 'vscode';
import { VIEW_STATE_CONTEXT_KEY, type TreeNodeSnapshot, type ViewState } from '../api.js';
import { toSnapshot } from '../logic/snapshot.js';
import type { EvaluationStore } from '../logic/store.js';
import { childNodes, rootNodes, type TreeNode } from '../logic/tree-model.js';
import { computeViewState } from '../logic/view-state.js';
import { toTreeItem } from './tree-item.js';

/** Feeds the Evaluations view from the store: loads a list when VS Code first asks for it, then draws it. */
export class EvaluationsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
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

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    await this.ready();
    if (!node) {
      await this.store.ensureTopListsLoaded();
      return rootNodes(this.store, this.updateViewState());
    }
    if (node.kind === 'connection') await this.store.ensureLoaded({ connectionId: node.connectionId });
    if (node.kind === 'group' && node.groupId !== undefined) {
      await this.store.ensureLoaded({ connectionId: node.connectionId, groupId: node.groupId });
    }
    return childNodes(this.store, node, Date.now());
  }

  /** The rows as VS Code would get them, children of expandable rows included unless `expand` is false. */
  async snapshot(expand = true, parent?: TreeNode): Promise<TreeNodeSnapshot[]> {
    const nodes = await this.getChildren(parent);
    return Promise.all(
      nodes.map(async (node) =>
        toSnapshot(node, expand && node.collapsible !== 'none' ? await this.snapshot(expand, node) : undefined),
      ),
    );
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

  // Many store changes in one turn (a poll round, several pages) redraw once.
  private scheduleFire(): void {
    if (this.fireScheduled) return;
    this.fireScheduled = true;
    setTimeout(() => {
      this.fireScheduled = false;
      this.changed.fire(undefined);
    }, 0);
  }
}
