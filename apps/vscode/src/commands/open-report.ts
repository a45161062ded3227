import * as vscode from 'vscode';
import { toItemRef } from '../logic/item-ref.js';
import type { Session } from '../vscode/session.js';

/** `evalgate.openReport(item)`: opens the provider's report/viewer page; resolves to the URL. */
export function openReportCommand(session: Session) {
  return async (item?: unknown): Promise<string | undefined> => {
    const ref = toItemRef(item);
    const evaluation = ref?.evaluationId ? session.store.findEvaluation(ref.connectionId, ref.evaluationId) : undefined;
    if (!evaluation?.reportUrl) {
      void vscode.window.showInformationMessage('This evaluation has no report page yet.');
      return undefined;
    }
    await vscode.env.openExternal(vscode.Uri.parse(evaluation.reportUrl));
    return evaluation.reportUrl;
  };
}
