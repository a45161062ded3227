import * as vscode from 'vscode';
import { COMMANDS } from '../api.js';

const SHOW_LOG = 'Show log';

/** An error notification with the provider's message and a "Show log" action (not awaited by callers). */
export function showErrorWithLog(message: string): void {
  void vscode.window.showErrorMessage(message, SHOW_LOG).then((choice) => {
    if (choice === SHOW_LOG) void vscode.commands.executeCommand(COMMANDS.showLog);
  });
}

export function showWarningWithLog(message: string, ...extra: string[]): Thenable<string | undefined> {
  return vscode.window.showWarningMessage(message, ...extra, SHOW_LOG).then((choice) => {
    if (choice === SHOW_LOG) void vscode.commands.executeCommand(COMMANDS.showLog);
    return choice;
  });
}
