import * as vscode from 'vscode';
import { VIEW_ID } from '../api.js';
import type { ActiveCounts } from '../logic/running-count.js';
import { statusBarText } from '../logic/running-count.js';

/** "$(sync~spin) 2 running" in the status bar while anything is running or queued; click to open the view. */
export class RunningStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('evalgate.running', vscode.StatusBarAlignment.Left, 50);
  private shownText: string | undefined;

  constructor() {
    this.item.name = 'evalgate: running evaluations';
    this.item.command = `${VIEW_ID}.focus`;
  }

  get text(): string | undefined {
    return this.shownText;
  }

  update(counts: ActiveCounts): void {
    const text = statusBarText(counts);
    if (text === this.shownText) return;
    this.shownText = text;
    if (text === undefined) {
      this.item.hide();
      return;
    }
    this.item.text = text;
    this.item.tooltip = `evalgate: ${counts.running} running, ${counts.queued} queued (click to show them)`;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
