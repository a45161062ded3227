import type { Session } from '../vscode/session.js';

/** `evalgate.refresh`: re-reads settings and keys, reloads every list from its first page, restarts polling. */
export function refreshCommand(session: Session) {
  return async (): Promise<void> => {
    await session.reload();
    session.store.refresh();
    session.poller.restart();
    session.newEvaluationsPoller.restart();
  };
}
