import * as vscode from 'vscode';
import { toItemRef } from '../logic/item-ref.js';
import { connectionTitle } from '../logic/connection.js';
import type { Session } from '../vscode/session.js';

/** The connection an argument names, or the one the user picks (the only one is taken without asking). */
export async function resolveConnectionId(session: Session, argument: unknown, placeHolder: string): Promise<string | undefined> {
  await session.ready();
  const ref = toItemRef(argument);
  const connections = session.store.connections();
  if (ref) {
    if (connections.some((state) => state.connection.id === ref.connectionId)) return ref.connectionId;
    throw new Error(`No connection "${ref.connectionId}" in evalgate.connections; known: ${connections.map((s) => s.connection.id).join(', ') || 'none'}.`);
  }
  if (connections.length === 0) {
    void vscode.window.showInformationMessage('No evaluation connection yet: run "evalgate: Add Connection" first.');
    return undefined;
  }
  if (connections.length === 1) return connections[0]!.connection.id;
  const picked = await vscode.window.showQuickPick(
    connections.map((state) => ({
      label: connectionTitle(state.connection),
      description: [state.connection.label, state.hasApiKey ? 'key set' : 'no key'].filter(Boolean).join(' · '),
      id: state.connection.id,
    })),
    { placeHolder },
  );
  return picked?.id;
}
