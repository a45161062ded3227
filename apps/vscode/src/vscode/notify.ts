import * as vscode from 'vscode';
import { COMMANDS } from '../api.js';

const SHOW_LOG = 'Show log';

/**
 * An error notification with the provider's message, any `extra` actions, and "Show log" (not awaited by callers).
 * Resolves to the extra action chosen.
 */
export function showErrorWithLog(message: string, ...extra: string[]): Thenable<string | undefined> {
  return vscode.window.showErrorMessage(message, ...extra, SHOW_LOG).then((choice) => {
    if (choice === SHOW_LOG) void vscode.commands.executeCommand(COMMANDS.showLog);
    return choice;
  });
}

export function showWarningWithLog(message: string, ...extra: string[]): Thenable<string | undefined> {
  return vscode.window.showWarningMessage(message, ...extra, SHOW_LOG).then((choice) => {
    if (choice === SHOW_LOG) void vscode.commands.executeCommand(COMMANDS.showLog);
    return choice;
  });
}
