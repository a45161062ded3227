import { ConflictError } from '@evalgate/core';
import * as vscode from 'vscode';
import type { EvaluationStatusName } from '../api.js';
import { toItemRef } from '../logic/item-ref.js';
import { CANCEL_DIALOG, cancelQuestion, cancelTooLateMessage } from '../logic/messages.js';
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
      const question = cancelQuestion(name);
      const choice = await vscode.window.showWarningMessage(
        question.message,
        { modal: true, detail: question.detail },
        { title: CANCEL_DIALOG.keep },
        { title: CANCEL_DIALOG.cancel },
        { title: CANCEL_DIALOG.close, isCloseAffordance: true },
      );
      if (choice?.title !== CANCEL_DIALOG.cancel) return undefined;
    }
    try {
      const evaluation = await session.store.cancel(ref.connectionId, evaluationId);
      session.log.info(`Cancelled "${name}" (${evaluationId}): now ${evaluation.rawStatus}.`);
      session.poller.burst();
      return evaluation.status;
    } catch (error) {
      if (error instanceof ConflictError) {
        // The evaluation ended while the request travelled: show its final state rather than a raw HTTP 409.
        const latest = await session.store.refreshEvaluation(ref.connectionId, evaluationId).catch(() => undefined);
        const message = cancelTooLateMessage(name, latest);
        session.log.info(message);
        void vscode.window.showInformationMessage(message);
        return latest?.status;
      }
      session.reportError(`Cancelling "${name}"`, error);
      return undefined;
    }
  };
}
