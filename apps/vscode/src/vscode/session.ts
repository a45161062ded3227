import { createClient } from '@evalgate/core';
import * as vscode from 'vscode';
import { COMMANDS } from '../api.js';
import { connectionTitle, type Connection } from '../logic/connection.js';
import { reportUrlProblem } from '../logic/endpoint.js';
import { withheldKeyQuestion, type KeyDecision } from '../logic/key-binding.js';
import { Poller } from '../logic/poller.js';
import { countActive } from '../logic/running-count.js';
import { parseSettings, type Settings } from '../logic/settings.js';
import { EvaluationStore, type ConnectionInput } from '../logic/store.js';
import { finishMessage, finishSeverity } from '../logic/messages.js';
import { ApiKeys } from './api-keys.js';
import { readSettings } from './config.js';
import { showErrorWithLog, showWarningWithLog } from './notify.js';
import { RunningStatusBar } from './status-bar.js';
import { EXTENSION_VERSION } from '../version.js';

const SET_API_KEY = 'Set API Key';
const NEW_EVALUATIONS_MIN_INTERVAL_MS = 10_000;
const OPEN_REPORT = 'Open Report';

/** The extension's state and services, shared by the tree, the commands and the API. */
export class Session implements vscode.Disposable {
  readonly store: EvaluationStore;
  readonly poller: Poller;
  /** Looks for evaluations started elsewhere while the view is visible (new rows appear at the top). */
  readonly newEvaluationsPoller: Poller;
  readonly apiKeys: ApiKeys;
  readonly statusBar = new RunningStatusBar();
  private current: Settings = parseSettings({ connections: [], pollIntervalSeconds: undefined, notifyOnFinish: undefined });
  private reloading: Promise<void> = Promise.resolve();
  private loadedOnce: Promise<void> | undefined;
  private lastProblems = '';
  private readonly disposables: vscode.Disposable[] = [];
  private readonly askedAboutWithheldKeys = new Set<string>();

  constructor(
    secrets: vscode.SecretStorage,
    readonly log: vscode.LogOutputChannel,
  ) {
    this.apiKeys = new ApiKeys(secrets);
    this.store = new EvaluationStore({
      createClient: (connection, apiKey) =>
        createClient({
          provider: connection.provider,
          baseUrl: connection.baseUrl,
          apiKey,
          timeoutMs: 30_000,
          // The tree waits on list requests: give up on a dead server after a couple of tries, not four.
          maxRetries: 2,
          logger: { debug: (message) => log.debug(message), warn: (message) => log.warn(message) },
          userAgent: `evalgate-vscode/${EXTENSION_VERSION}`,
        }),
    });
    this.poller = new Poller({
      poll: () => this.store.pollRound(),
      needsPolling: () => this.store.nonTerminalCount() > 0,
      intervalMs: () => this.current.pollIntervalMs,
      backgroundIntervalMs: () => this.current.backgroundPollIntervalMs,
      onLog: (message) => log.info(message),
    });
    this.newEvaluationsPoller = new Poller({
      poll: () => this.store.refreshHeads(),
      needsPolling: () => this.store.hasLoadedLists(),
      intervalMs: () => Math.max(NEW_EVALUATIONS_MIN_INTERVAL_MS, this.current.pollIntervalMs * 3),
      // A server that stopped answering is tried again, ever less often, up to every two minutes.
      maxIntervalMs: 2 * 60_000,
      onLog: (message) => log.debug(`New evaluations: ${message}`),
    });
    this.disposables.push(
      this.statusBar,
      this.store.onDidChange(() => {
        this.statusBar.update(countActive(this.store.allEvaluations().map(({ evaluation }) => evaluation)));
        this.poller.kick();
        this.newEvaluationsPoller.kick();
      }),
      this.store.onDidFail(({ source, action, connection, failure }) => {
        const message = `${action} of ${connectionTitle(connection)} failed: ${failure.message}`;
        log.error(message);
        // Poll failures are retried with backoff; a notification per attempt would be noise.
        if (source !== 'load') return;
        if (failure.kind === 'auth') {
          // A rejected key is fixed by entering another one: offer that directly.
          void showErrorWithLog(message, SET_API_KEY).then((choice) => {
            if (choice === SET_API_KEY) void vscode.commands.executeCommand(COMMANDS.setApiKey, connection.id);
          });
        } else {
          void showErrorWithLog(message);
        }
      }),
      this.store.onDidFinish(({ evaluation }) => {
        const message = finishMessage(evaluation);
        const severity = finishSeverity(evaluation.status);
        if (severity === 'info') log.info(message);
        else log.warn(message);
        if (!this.current.notifyOnFinish) return;
        const reportUrl = evaluation.reportUrl && !reportUrlProblem(evaluation.reportUrl) ? evaluation.reportUrl : undefined;
        const actions = reportUrl ? [OPEN_REPORT] : [];
        const show =
          severity === 'error'
            ? vscode.window.showErrorMessage
            : severity === 'warning'
              ? vscode.window.showWarningMessage
              : vscode.window.showInformationMessage;
        void show(message, ...actions).then((choice) => {
          if (choice === OPEN_REPORT && reportUrl) void vscode.env.openExternal(vscode.Uri.parse(reportUrl, true));
        });
      }),
    );
  }

  get settings(): Settings {
    return this.current;
  }

  /** Resolves once settings and keys were read at least once (started on first call). */
  ready(): Promise<void> {
    this.loadedOnce ??= this.reload();
    return this.loadedOnce;
  }

  /** Re-reads settings and API keys into the store; calls are queued, never interleaved. */
  reload(): Promise<void> {
    this.reloading = this.reloading.then(
      () => this.doReload(),
      () => this.doReload(),
    );
    return this.reloading;
  }

  /** Resolves when no settings/keys reload is queued. */
  async whenReloaded(): Promise<void> {
    let pending: Promise<void>;
    do {
      pending = this.reloading;
      await pending.catch(() => undefined);
    } while (pending !== this.reloading);
  }

  /** For command failures: log it and notify with the provider's message and "Show log". */
  reportError(action: string, error: unknown): void {
    const detail = error instanceof Error ? error.message : String(error);
    const message = `${action} failed: ${detail}`;
    this.log.error(message);
    void showErrorWithLog(message);
  }

  /** Both pollers follow the view: regular cadence while visible, the background one (running only) while hidden. */
  setViewVisible(visible: boolean): void {
    this.poller.setVisible(visible);
    this.newEvaluationsPoller.setVisible(visible);
  }

  dispose(): void {
    this.poller.dispose();
    this.newEvaluationsPoller.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** Connection ids whose stored key is withheld because it was entered for another endpoint. */
  withheldKeyConnectionIds(): string[] {
    return this.store
      .connections()
      .filter((state) => state.keyWithheld)
      .map((state) => state.connection.id);
  }

  /**
   * A stored key meets a connection it was not entered for (a workspace may have redefined the id with its own
   * baseUrl): it is not sent; the user decides, once per endpoint pair and session. Dismissing sends nothing.
   */
  private askAboutWithheldKey(connection: Connection, decision: KeyDecision): void {
    const signature = JSON.stringify([connection.id, connection.provider, connection.baseUrl, decision.kind === 'withhold' ? decision.storedFor : undefined]);
    if (this.askedAboutWithheldKeys.has(signature)) return;
    this.askedAboutWithheldKeys.add(signature);
    const question = withheldKeyQuestion(connection, decision);
    this.log.warn(question);
    const send = `Send Key to ${connectionTitle(connection)}`;
    const enter = 'Set API Key';
    void vscode.window.showWarningMessage(question, send, enter).then(async (choice) => {
      if (choice === send) {
        await this.apiKeys.rebind(connection);
        this.log.info(`The API key of ${connection.id} is now bound to ${connection.baseUrl} (the user agreed).`);
      } else if (choice === enter) {
        await vscode.commands.executeCommand(COMMANDS.setApiKey, connection.id);
      }
    });
  }

  private async doReload(): Promise<void> {
    const settings = readSettings();
    this.current = settings;
    const problems = settings.problems.join('\n');
    if (problems !== this.lastProblems) {
      this.lastProblems = problems;
      for (const problem of settings.problems) this.log.warn(problem);
      if (settings.problems.length > 0) {
        void showWarningWithLog(settings.problems.join(' '), 'Open Settings').then((choice) => {
          if (choice === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettingsJson');
        });
      }
    }
    const inputs = await Promise.all(
      settings.connections.map(async (connection): Promise<ConnectionInput> => {
        const decision = await this.apiKeys.decide(connection);
        if (decision.kind === 'use') return { connection, apiKey: decision.key };
        if (decision.kind === 'withhold') {
          this.askAboutWithheldKey(connection, decision);
          return { connection, keyWithheld: decision.storedFor ? { storedFor: decision.storedFor.baseUrl } : {} };
        }
        return { connection };
      }),
    );
    this.store.setConnections(inputs);
    this.log.debug(
      `Connections: ${inputs.map((input) => `${input.connection.id} (${input.apiKey ? 'key set' : input.keyWithheld ? 'key withheld' : 'no key'})`).join(', ') || 'none'}; poll every ${settings.pollIntervalMs / 1000} s.`,
    );
  }
}
