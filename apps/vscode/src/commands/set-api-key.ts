import * as vscode from 'vscode';
import type { Session } from '../vscode/session.js';
import { resolveConnectionId } from './pick-connection.js';

/**
 * `evalgate.setApiKey(connectionIdOrItem?, key?)`: stores the key in SecretStorage (never in settings or the log).
 * An empty key deletes it. Resolves to true when a key was stored or deleted.
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
  const key = await vscode.window.showInputBox({
    prompt: `API key for ${connectionId} (kept in VS Code's secret storage)`,
    password: true,
    ignoreFocusOut: true,
    ...(prefill !== undefined ? { value: prefill } : {}),
  });
  if (key === undefined) return false;
  await storeKey(session, connectionId, key);
  return true;
}

async function storeKey(session: Session, connectionId: string, key: string): Promise<void> {
  await session.apiKeys.set(connectionId, key);
  session.log.info(`${key.trim() === '' ? 'Deleted' : 'Stored'} the API key of ${connectionId}.`);
  await session.reload();
}
