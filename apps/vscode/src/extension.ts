// Wiring only: builds the session, the view, the commands and the API; the decisions live in src/logic.
import * as vscode from 'vscode';
import { COMMANDS, VIEW_ID, type EvalgateApi, type EvaluationStatusName } from './api.js';
import { addConnectionCommand } from './commands/add-connection.js';
import { addEmulatorConnectionCommand } from './commands/add-emulator-connection.js';
import { cancelCommand } from './commands/cancel.js';
import { compareCommand } from './commands/compare.js';
import { copyIdCommand } from './commands/copy-id.js';
import { filterByStatusCommand } from './commands/filter-by-status.js';
import { loadMoreCommand } from './commands/load-more.js';
import { openDetailsCommand } from './commands/open-details.js';
import { openReportCommand } from './commands/open-report.js';
import { refreshCommand } from './commands/refresh.js';
import { rerunCommand } from './commands/rerun.js';
import { removeConnectionCommand } from './commands/remove-connection.js';
import { setApiKeyCommand } from './commands/set-api-key.js';
import { showLogCommand } from './commands/show-log.js';
import { startEvaluationCommand } from './commands/start-evaluation.js';
import { toSnapshot } from './logic/snapshot.js';
import { statusStyle } from './logic/status-style.js';
import { DetailsPanels } from './details/details-panels.js';
import { affectsSettings } from './vscode/config.js';
import { createLog } from './vscode/log.js';
import { Session } from './vscode/session.js';
import { EvaluationsTreeProvider } from './vscode/tree-provider.js';

export function activate(context: vscode.ExtensionContext): EvalgateApi {
  const log = createLog();
  const session = new Session(context.secrets, log);
  const provider = new EvaluationsTreeProvider(
    session.store,
    () => session.ready(),
    () => session.settings.connectionsInvalid,
  );
  const treeView = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true, canSelectMany: true });

  const detailsPanels = new DetailsPanels(session);
  const onFilterChanged = (active: EvaluationStatusName[]): void => {
    // An empty message removes it from the view (TreeView.message's documented reset).
    treeView.message = active.length > 0 ? `Showing ${active.map((status) => statusStyle(status).label).join(', ')} only` : '';
  };
  const handlers: Record<(typeof COMMANDS)[keyof typeof COMMANDS], (...args: never[]) => unknown> = {
    [COMMANDS.refresh]: refreshCommand(session),
    [COMMANDS.cancel]: cancelCommand(session),
    [COMMANDS.openReport]: openReportCommand(session),
    [COMMANDS.copyId]: copyIdCommand(),
    [COMMANDS.addConnection]: addConnectionCommand(session),
    [COMMANDS.addEmulatorConnection]: addEmulatorConnectionCommand(session),
    [COMMANDS.removeConnection]: removeConnectionCommand(session),
    [COMMANDS.setApiKey]: setApiKeyCommand(session),
    [COMMANDS.filterByStatus]: filterByStatusCommand(session, onFilterChanged),
    [COMMANDS.loadMore]: loadMoreCommand(session),
    [COMMANDS.showLog]: showLogCommand(session),
    [COMMANDS.openDetails]: openDetailsCommand(session, detailsPanels),
    [COMMANDS.compare]: compareCommand(session, detailsPanels),
    [COMMANDS.startEvaluation]: startEvaluationCommand(session),
    [COMMANDS.rerun]: rerunCommand(session),
  };

  context.subscriptions.push(
    log,
    session,
    provider,
    treeView,
    detailsPanels,
    ...Object.entries(handlers).map(([id, handler]) => vscode.commands.registerCommand(id, handler)),
    treeView.onDidChangeVisibility((event) => session.setViewVisible(event.visible)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsSettings(event)) void session.reload();
    }),
    session.apiKeys.onDidChange(() => void session.reload()),
    // Workspace-level evalgate.connections is ignored until the workspace is trusted (restrictedConfigurations).
    vscode.workspace.onDidGrantWorkspaceTrust(() => void session.reload()),
  );
  session.setViewVisible(treeView.visible);

  return {
    snapshot: (options) => provider.snapshot(options?.expand !== false),
    whenIdle: async () => {
      await session.ready();
      await session.whenReloaded();
      await session.store.inFlight.whenIdle();
    },
    onDidChangeTree: (listener, thisArgs, disposables) =>
      provider.onDidChangeTreeData(
        (change) => listener.call(thisArgs, change === undefined ? undefined : (Array.isArray(change) ? change : [change]).map((row) => toSnapshot(row))),
        undefined,
        disposables,
      ),
    viewState: () => provider.viewState,
    viewVisible: () => treeView.visible,
    statusBarText: () => session.statusBar.text,
    connectionIds: () => session.store.connections().map((state) => state.connection.id),
    withheldKeyConnectionIds: () => session.withheldKeyConnectionIds(),
    detailsViews: () => detailsPanels.snapshots(),
    compareViews: () => detailsPanels.compareSnapshots(),
    onDidRenderDetails: (listener, thisArgs, disposables) => {
      const subscription = detailsPanels.onDidRender((snapshot) => listener.call(thisArgs, snapshot));
      disposables?.push(subscription);
      return subscription;
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
