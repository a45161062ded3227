import * as vscode from 'vscode';
import type { EvaluationStatusName } from '../api.js';
import { toItemRef } from '../logic/item-ref.js';
import type { Session } from '../vscode/session.js';

/** `evalgate.cancel(item, { confirm })`: asks (modal) unless `confirm: false`, cancels, shows the result at once. */
export function cancelCommand(session: Session) {
  return async (item?: unknown, options?: { confirm?: boolean }): Promise<EvaluationStatusName | undefined> => {
    const ref = toItemRef(item);
    if (!ref?.evaluationId) {
      void vscode.window.showInformationMessage('Cancel works on an evaluation row: right-click one in the Evaluations view.');
      return undefined;
    }
    const evaluationId = ref.evaluationId;
    const name = session.store.findEvaluation(ref.connectionId, evaluationId)?.name ?? evaluationId;
    if (options?.confirm !== false) {
      const choice = await vscode.window.showWarningMessage(
        `Cancel evaluation "${name}"?`,
        { modal: true, detail: 'The provider stops it; this cannot be undone.' },
        'Cancel Evaluation',
      );
      if (choice !== 'Cancel Evaluation') return undefined;
    }
    try {
      const evaluation = await session.store.cancel(ref.connectionId, evaluationId);
      session.log.info(`Cancelled "${name}" (${evaluationId}): now ${evaluation.rawStatus}.`);
      session.poller.burst();
      return evaluation.status;
    } catch (error) {
      session.reportError(`Cancelling "${name}"`, error);
      return undefined;
    }
  };
}
