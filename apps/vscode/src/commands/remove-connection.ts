import * as vscode from 'vscode';
import { connectionIdOf } from '../logic/settings.js';
import { removeConnections } from '../vscode/config.js';
import type { Session } from '../vscode/session.js';
import { resolveConnectionId } from './pick-connection.js';

/** `evalgate.removeConnection(connectionIdOrItem?, { confirm })`: removes it from settings and forgets its key. */
export function removeConnectionCommand(session: Session) {
  return async (item?: unknown, options?: { confirm?: boolean }): Promise<boolean> => {
    try {
      const id = await resolveConnectionId(session, item, 'Connection to remove');
      if (id === undefined) return false;
      if (options?.confirm !== false) {
        const choice = await vscode.window.showWarningMessage(
          `Remove the connection "${id}"?`,
          { modal: true, detail: 'Its entry in evalgate.connections and its stored API key are deleted.' },
          'Remove',
        );
        if (choice !== 'Remove') return false;
      }
      const removed = await removeConnections((entry) => connectionIdOf(entry) === id);
      await session.apiKeys.delete(id);
      session.log.info(`Removed connection ${id}${removed ? '' : ' (it was not in settings)'}.`);
      await session.reload();
      return removed;
    } catch (error) {
      session.reportError('Removing the connection', error);
      return false;
    }
  };
}
