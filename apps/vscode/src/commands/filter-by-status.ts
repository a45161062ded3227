import type { EvaluationStatus } from '@evalgate/core';
import * as vscode from 'vscode';
import type { EvaluationStatusName } from '../api.js';
import { statusesArgOf } from '../logic/command-args.js';
import { ALL_STATUSES, statusStyle } from '../logic/status-style.js';
import type { Session } from '../vscode/session.js';

/** `evalgate.filterByStatus(statuses?)`: shows only these statuses (`[]` = all); asks when no argument (or a tree row). */
export function filterByStatusCommand(session: Session, onFilterChanged: (active: EvaluationStatusName[]) => void) {
  return async (statuses?: unknown): Promise<EvaluationStatusName[]> => {
    const current = [...(session.store.statusFilter() ?? [])];
    let chosen: EvaluationStatus[];
    const list = statusesArgOf(statuses);
    if (list === undefined) {
      const picked = await vscode.window.showQuickPick(
        ALL_STATUSES.map((status) => ({
          label: statusStyle(status).label,
          iconPath: new vscode.ThemeIcon(statusStyle(status).iconId, new vscode.ThemeColor(statusStyle(status).colorId)),
          picked: current.includes(status),
          status,
        })),
        { canPickMany: true, placeHolder: 'Show only these statuses (none selected: all)' },
      );
      if (!picked) return current;
      chosen = picked.map((item) => item.status);
    } else {
      const unknown = list.filter((value) => !ALL_STATUSES.includes(value as EvaluationStatus));
      if (unknown.length > 0) {
        session.reportError(
          'Filtering by status',
          new Error(`unknown status ${unknown.map((value) => JSON.stringify(value)).join(', ')}; use ${ALL_STATUSES.join(', ')}`),
        );
        return current;
      }
      chosen = list as EvaluationStatus[];
    }
    session.store.setStatusFilter(chosen);
    const active = [...(session.store.statusFilter() ?? [])];
    onFilterChanged(active);
    return active;
  };
}
