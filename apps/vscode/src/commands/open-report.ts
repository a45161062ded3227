import * as vscode from 'vscode';
import { reportUrlProblem } from '../logic/endpoint.js';
import { toItemRef } from '../logic/item-ref.js';
import type { Session } from '../vscode/session.js';

/**
 * `evalgate.openReport(item)`: opens the provider's report page; resolves to the URL opened. The URL comes from the
 * provider, so only https (and http on loopback) opens: a `file:` or `command:` link is refused with a message.
 */
export function openReportCommand(session: Session) {
  return async (item?: unknown): Promise<string | undefined> => {
    const ref = toItemRef(item);
    const evaluation = ref?.evaluationId ? session.store.findEvaluation(ref.connectionId, ref.evaluationId) : undefined;
    if (!evaluation?.reportUrl) {
      void vscode.window.showInformationMessage('This evaluation has no report page yet.');
      return undefined;
    }
    return openReportUrl(session, evaluation.name, evaluation.reportUrl);
  };
}

/** Opens a provider-given report URL if its scheme is allowed; otherwise says why and opens nothing. */
export async function openReportUrl(session: Session, name: string, url: string): Promise<string | undefined> {
  const problem = reportUrlProblem(url);
  if (problem) {
    session.log.warn(`Refused to open the report link of "${name}": ${problem}.`);
    void vscode.window.showWarningMessage(`The report link of "${name}" was not opened: ${problem}.`);
    return undefined;
  }
  await vscode.env.openExternal(vscode.Uri.parse(url, true));
  return url;
}
