import type { Session } from '../vscode/session.js';

/** `evalgate.showLog`: reveals the log channel. */
export function showLogCommand(session: Session) {
  return (): void => session.log.show(true);
}
