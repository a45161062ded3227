import * as vscode from 'vscode';

/** The "evalgate" log channel (levels, timestamps, user-selectable verbosity). Never given secrets. */
export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('evalgate', { log: true });
}
