import * as vscode from 'vscode';
import { parseSettings, type Settings } from '../logic/settings.js';

const SECTION = 'evalgate';

export function readSettings(): Settings {
  const config = vscode.workspace.getConfiguration(SECTION);
  return parseSettings({
    connections: config.get<unknown>('connections'),
    pollIntervalSeconds: config.get<unknown>('pollIntervalSeconds'),
    backgroundPollIntervalSeconds: config.get<unknown>('backgroundPollIntervalSeconds'),
    notifyOnFinish: config.get<unknown>('notifyOnFinish'),
  });
}

export function affectsSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(SECTION);
}

/**
 * Appends one entry to `evalgate.connections` at the level whose value is in effect (folder, workspace, else user),
 * so a workspace list does not hide the new entry.
 */
export async function appendConnection(entry: Record<string, string>): Promise<void> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const inspected = config.inspect<unknown>('connections');
  const [current, target] =
    inspected?.workspaceFolderValue !== undefined
      ? [inspected.workspaceFolderValue, vscode.ConfigurationTarget.WorkspaceFolder]
      : inspected?.workspaceValue !== undefined
        ? [inspected.workspaceValue, vscode.ConfigurationTarget.Workspace]
        : [inspected?.globalValue, vscode.ConfigurationTarget.Global];
  await config.update('connections', [...(Array.isArray(current) ? (current as unknown[]) : []), entry], target);
}

/** Removes the entries `matches` picks from every settings level that has them; true if any was removed. */
export async function removeConnections(matches: (entry: unknown) => boolean): Promise<boolean> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const inspected = config.inspect<unknown>('connections');
  let removed = false;
  const levels: Array<[unknown, vscode.ConfigurationTarget]> = [
    [inspected?.globalValue, vscode.ConfigurationTarget.Global],
    [inspected?.workspaceValue, vscode.ConfigurationTarget.Workspace],
    [inspected?.workspaceFolderValue, vscode.ConfigurationTarget.WorkspaceFolder],
  ];
  for (const [value, target] of levels) {
    if (!Array.isArray(value)) continue;
    const kept = value.filter((entry) => !matches(entry));
    if (kept.length === value.length) continue;
    await config.update('connections', kept, target);
    removed = true;
  }
  return removed;
}
