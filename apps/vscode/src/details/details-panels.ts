import type { Evaluation } from '@evalgate/core';
import * as vscode from 'vscode';
import type { CompareViewSnapshot, DetailsViewSnapshot } from '../api.js';
import { Emitter } from '../logic/emitter.js';
import type { Session } from '../vscode/session.js';
import { ComparePanel, type CompareSide } from './compare-panel.js';
import { DetailsPanel } from './details-panel.js';

const VIEW_TYPE = 'evalgate.details';
const COMPARE_VIEW_TYPE = 'evalgate.compare';

/** The open details tabs, one per evaluation: opening it again reveals the tab it already has. */
export class DetailsPanels implements vscode.Disposable {
  private readonly panels = new Map<string, DetailsPanel>();
  private readonly rendered = new Emitter<DetailsViewSnapshot>();
  /** A details page reported what it drew (tests wait on it). */
  readonly onDidRender = this.rendered.event;
  private readonly subscription: vscode.Disposable;
  private readonly comparisons = new Set<ComparePanel>();
  private readonly compareRendered = new Emitter<CompareViewSnapshot>();
  /** A compare page reported what it drew. */
  readonly onDidRenderCompare = this.compareRendered.event;

  constructor(private readonly session: Session) {
    this.subscription = session.store.onDidChange(() => {
      for (const panel of this.panels.values()) panel.update();
    });
  }

  show(connectionId: string, evaluation: Evaluation): DetailsViewSnapshot {
    const key = JSON.stringify([connectionId, evaluation.id]);
    const existing = this.panels.get(key);
    if (existing) {
      existing.reveal();
      return existing.snapshot();
    }
    const webviewPanel = vscode.window.createWebviewPanel(VIEW_TYPE, evaluation.name, vscode.ViewColumn.Active, {
      enableScripts: true,
      enableCommandUris: false,
      enableForms: false,
      // The page loads nothing from disk: everything is inline under its nonce.
      localResourceRoots: [],
    });
    const panel = new DetailsPanel(this.session, webviewPanel, { connectionId, evaluationId: evaluation.id }, evaluation, (snapshot) =>
      this.rendered.fire(snapshot),
    );
    this.panels.set(key, panel);
    panel.onDidDispose(() => {
      this.panels.delete(key);
      panel.dispose();
    });
    return panel.snapshot();
  }

  compare(before: CompareSide, after: CompareSide): CompareViewSnapshot {
    const webviewPanel = vscode.window.createWebviewPanel(COMPARE_VIEW_TYPE, `${before.evaluation.name} ↔ ${after.evaluation.name}`, vscode.ViewColumn.Active, {
      enableScripts: true,
      enableCommandUris: false,
      enableForms: false,
      localResourceRoots: [],
    });
    const panel = new ComparePanel(this.session, webviewPanel, before, after, (snapshot) => this.compareRendered.fire(snapshot));
    this.comparisons.add(panel);
    webviewPanel.onDidDispose(() => this.comparisons.delete(panel));
    return panel.snapshot();
  }

  compareSnapshots(): CompareViewSnapshot[] {
    return [...this.comparisons].map((panel) => panel.snapshot());
  }

  snapshots(): DetailsViewSnapshot[] {
    return [...this.panels.values()].map((panel) => panel.snapshot());
  }

  dispose(): void {
    this.subscription.dispose();
    for (const panel of this.panels.values()) panel.dispose();
    this.panels.clear();
  }
}
