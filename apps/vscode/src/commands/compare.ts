import * as vscode from 'vscode';
import type { CompareViewSnapshot } from '../api.js';
import type { DetailsPanels } from '../details/details-panels.js';
import { comparedRefs } from '../logic/compare/compared-refs.js';
import type { Session } from '../vscode/session.js';

/**
 * `evalgate.compare(item, selection)`: VS Code passes the clicked row and every selected row; two evaluations are
 * compared, the older one as "before". Resolves to what the tab holds, or undefined when the selection is not two
 * loaded evaluations (the user is told how to select them).
 */
export function compareCommand(session: Session, panels: DetailsPanels) {
  return (item?: unknown, selection?: unknown): CompareViewSnapshot | undefined => {
    const refs = comparedRefs(item, selection);
    if (!refs) {
      void vscode.window.showInformationMessage('Select two evaluation rows (Ctrl/Cmd+click the second one), then choose "Compare Evaluations".');
      return undefined;
    }
    const sides = refs.map((ref) => ({ connectionId: ref.connectionId, evaluation: session.store.findEvaluation(ref.connectionId, ref.evaluationId) }));
    const [first, second] = sides;
    if (!first?.evaluation || !second?.evaluation) {
      void vscode.window.showInformationMessage('Both evaluations must be loaded in the Evaluations view to compare them.');
      return undefined;
    }
    const ordered = [
      { connectionId: first.connectionId, evaluation: first.evaluation },
      { connectionId: second.connectionId, evaluation: second.evaluation },
    ].sort((a, b) => (a.evaluation.createdAt?.getTime() ?? 0) - (b.evaluation.createdAt?.getTime() ?? 0));
    return panels.compare(ordered[0]!, ordered[1]!);
  };
}
