import * as vscode from 'vscode';
import type { DetailsViewSnapshot } from '../api.js';
import type { DetailsPanels } from '../details/details-panels.js';
import { toItemRef } from '../logic/item-ref.js';
import type { Session } from '../vscode/session.js';

/**
 * `evalgate.openDetails(item)`: the evaluation's details tab (clicking a row runs it). An evaluation not loaded in
 * the tree is read once from its provider. Resolves to what the tab holds, or undefined when there is nothing to show.
 */
export function openDetailsCommand(session: Session, panels: DetailsPanels) {
  return async (item?: unknown): Promise<DetailsViewSnapshot | undefined> => {
    const ref = toItemRef(item);
    if (!ref?.evaluationId) {
      void vscode.window.showInformationMessage('Select an evaluation row to see its details.');
      return undefined;
    }
    let evaluation = session.store.findEvaluation(ref.connectionId, ref.evaluationId);
    if (!evaluation) {
      const client = session.store.clientFor(ref.connectionId);
      if (!client) {
        void vscode.window.showWarningMessage(`No API key is set for ${ref.connectionId}; run "evalgate: Set API Key" first.`);
        return undefined;
      }
      try {
        evaluation = await session.store.inFlight.track(() => client.get(ref.evaluationId!));
      } catch (error) {
        session.reportError(`Opening the details of ${ref.evaluationId}`, error);
        return undefined;
      }
    }
    return panels.show(ref.connectionId, evaluation);
  };
}
