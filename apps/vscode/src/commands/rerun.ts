import * as vscode from 'vscode';
import { toItemRef } from '../logic/item-ref.js';
import { isRerunnable, RERUN_DIALOG, rerunQuestion } from '../logic/rerun/rerun-question.js';
import type { Session } from '../vscode/session.js';

/**
 * `evalgate.rerun(item, { confirm })`: reads the finished evaluation from its provider again, rebuilds the create
 * request from that answer (core's `rerunRequest`), asks (modal) unless `confirm: false`, creates the new evaluation
 * and shows it at the top of its list. Resolves to the new evaluation's id, or undefined.
 */
export function rerunCommand(session: Session) {
  return async (item?: unknown, options?: { confirm?: boolean }): Promise<string | undefined> => {
    const ref = toItemRef(item);
    const evaluation = ref?.evaluationId ? session.store.findEvaluation(ref.connectionId, ref.evaluationId) : undefined;
    if (!ref || !evaluation) {
      void vscode.window.showInformationMessage('Re-run works on a finished evaluation row: right-click one in the Evaluations view.');
      return undefined;
    }
    const client = session.store.clientFor(ref.connectionId);
    if (!isRerunnable(evaluation) || !client?.rerunRequest) {
      void vscode.window.showInformationMessage(
        `"${evaluation.name}" cannot be re-run: ${evaluation.provider} does not return everything needed to start it again as it was.`,
      );
      return undefined;
    }
    const rerunRequest = client.rerunRequest.bind(client);
    try {
      const request = await session.store.inFlight.track(() => rerunRequest(evaluation.id));
      if (options?.confirm !== false) {
        const question = rerunQuestion(evaluation.name, request);
        const choice = await vscode.window.showInformationMessage(
          question.message,
          { modal: true, detail: question.detail },
          { title: RERUN_DIALOG.rerun },
          { title: RERUN_DIALOG.close, isCloseAffordance: true },
        );
        if (choice?.title !== RERUN_DIALOG.rerun) return undefined;
      }
      const created = await session.store.inFlight.track(() => client.create(request));
      session.log.info(`Re-ran "${evaluation.name}" (${evaluation.id}) as ${created.id}.`);
      // The new row appears at the top of its list (the same check that finds evaluations started elsewhere).
      await session.store.refreshHeads().catch(() => undefined);
      return created.id;
    } catch (error) {
      session.reportError(`Re-running "${evaluation.name}"`, error);
      return undefined;
    }
  };
}
