import * as vscode from 'vscode';
import type { Session } from '../vscode/session.js';
import { resolveConnectionId } from './pick-connection.js';

/**
 * `evalgate.setApiKey(connectionIdOrItem?, key?)`: stores the key in SecretStorage (never in settings or the log),
 * bound to the connection's provider and base URL. An empty key string passed as an argument deletes it; the prompt
 * refuses an empty key. Resolves to true when a key was stored or deleted.
 */
export function setApiKeyCommand(session: Session) {
  return async (item?: unknown, key?: unknown): Promise<boolean> => {
    try {
      const id = await resolveConnectionId(session, item, 'Connection to set the API key for');
      if (id === undefined) return false;
      if (typeof key === 'string') {
        await storeKey(session, id, key);
        return true;
      }
      return promptAndStoreApiKey(session, id);
    } catch (error) {
      session.reportError('Setting the API key', error);
      return false;
    }
  };
}

export async function promptAndStoreApiKey(session: Session, connectionId: string, prefill?: string): Promise<boolean> {
  const connection = session.store.connection(connectionId)?.connection;
  const key = await vscode.window.showInputBox({
    prompt: `API key for ${connectionId}${connection ? ` (sent only to ${connection.baseUrl}; kept in VS Code's secret storage)` : ''}`,
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' ? 'Enter the API key (to forget a key, use "evalgate: Remove Connection").' : undefined),
    ...(prefill !== undefined ? { value: prefill } : {}),
  });
  if (key === undefined || key.trim() === '') return false;
  await storeKey(session, connectionId, key);
  return true;
}

async function storeKey(session: Session, connectionId: string, key: string): Promise<void> {
  const connection = session.store.connection(connectionId)?.connection;
  if (!connection) throw new Error(`No connection "${connectionId}" in evalgate.connections.`);
  if (key.trim() === '') await session.apiKeys.delete(connectionId);
  else await session.apiKeys.set(connection, key);
  session.log.info(`${key.trim() === '' ? 'Deleted' : 'Stored'} the API key of ${connectionId} (for ${connection.baseUrl}).`);
  await session.reload();
}
