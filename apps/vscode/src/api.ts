/**
 * The binding contract between the extension and its in-editor tests (and any other extension that
 * calls `vscode.extensions.getExtension('evalgate.evalgate-vscode').exports`).
 *
 * This file imports nothing at run time (one type from core, erased), not even `vscode`, so a test can import it anywhere. Ids here are the ones in
 * package.json `contributes`; a unit test checks that the two agree.
 *
 * The package is CommonJS (no `"type"` field): `dist/extension.js` is an esbuild CJS bundle.
 */

import type { ProviderName } from '@evalgate/core';

export const EXTENSION_ID = 'evalgate.evalgate-vscode';

export const VIEW_CONTAINER_ID = 'evalgate';
export const VIEW_ID = 'evalgate.evaluations';

export const COMMANDS = {
  /** `()` — reloads settings, API keys and every list from the first page. */
  refresh: 'evalgate.refresh',
  /**
   * `(item, { confirm?: boolean })` — cancels one evaluation. `item` is a tree element, a `TreeNodeSnapshot`
   * or an `ItemRef`. `confirm` defaults to true (a modal dialog); tests pass `{ confirm: false }`.
   * Resolves to the evaluation's new status, or `undefined` when the user declined.
   */
  cancel: 'evalgate.cancel',
  /** `(item)` — opens the report/viewer URL externally; resolves to the URL opened (or undefined if none). */
  openReport: 'evalgate.openReport',
  /**
   * `(item)` — copies the provider's id of the row to the clipboard (an OpenAI run row: the run id; an eval row: the
   * eval id); resolves to the id copied.
   */
  copyId: 'evalgate.copyId',
  /**
   * `(args?: AddConnectionArgs)` — without args, asks with quick picks/input boxes. Appends to `evalgate.connections`
   * at the level in effect (folder, workspace, else user settings) and resolves to the new connection's id (`undefined` if the user gave up).
   */
  addConnection: 'evalgate.addConnection',
  /**
   * `()` — the welcome view's "Add emulator connection": adds `prime` at `http://127.0.0.1:4010` and asks for the
   * emulator's API key (prefilled `test-key`). Resolves to the connection id.
   */
  addEmulatorConnection: 'evalgate.addEmulatorConnection',
  /** `(connectionIdOrItem, { confirm?: boolean })` — removes it from settings and deletes its stored API key. */
  removeConnection: 'evalgate.removeConnection',
  /**
   * `(connectionIdOrItem?, key?)` — stores the key in SecretStorage (never in settings), bound to the connection's
   * provider and base URL: it is sent nowhere else. Missing arguments are asked for (the prompt refuses an empty key).
   * An empty key string passed as the argument deletes the stored key.
   */
  setApiKey: 'evalgate.setApiKey',
  /**
   * `(statuses?: EvaluationStatusName[])` — shows only these normalized statuses; `[]` clears the filter.
   * Without an argument, asks with a multi-select quick pick. Resolves to the active filter (`[]` = all).
   */
  filterByStatus: 'evalgate.filterByStatus',
  /** `(item)` — the "Load more" row's command: fetches the next page of that list. */
  loadMore: 'evalgate.loadMore',
  /** `()` — reveals the "evalgate" log output channel. */
  showLog: 'evalgate.showLog',
  /**
   * `(item)` — opens (or reveals) the evaluation's details tab: status, status changes seen, scores, a histogram and
   * the lowest-scoring samples. Clicking an evaluation row runs it. Resolves to a `DetailsViewSnapshot`.
   */
  openDetails: 'evalgate.openDetails',
  /**
   * `(item, selection)` — compares two evaluations (the multi-selection VS Code passes, or an array of two rows/refs as
   * the first argument): deltas of avg/min/max/count/pass rate and the matched samples that changed most. The older
   * run is "before". Resolves to a `CompareViewSnapshot`, or undefined unless exactly two loaded evaluations were given.
   */
  compare: 'evalgate.compare',
  /**
   * `(connectionIdOrRow?, answers?)` — creates an evaluation after asking the provider's questions, the Action's
   * inputs (Prime: name, environments, inference-model, num-examples, rollouts-per-example, hosted-timeout-minutes,
   * eval-config; OpenAI: eval-id, name, data-source; Nugen: model-id, benchmark-id, baseline-model-id). `answers`,
   * keyed by those names, skips the questions. Resolves to the new evaluation's id (undefined if the user gave up).
   */
  startEvaluation: 'evalgate.startEvaluation',
  /**
   * `(item, { confirm?: boolean })` — starts a finished evaluation again with the parameters its provider returns
   * (rows with the `rerunnable` word: Prime hosted runs, OpenAI runs, completed Nugen evaluations). `confirm` defaults
   * to true (a modal dialog naming the parameters). Resolves to the new evaluation's id, shown at the top of its list,
   * or undefined when declined or impossible.
   */
  rerun: 'evalgate.rerun',
} as const;

/** @public Part of the API the in-editor tests (and other extensions) type their calls with. */
export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

export const SETTINGS = {
  /** `ConnectionSetting[]`, default `[]`. */
  connections: 'evalgate.connections',
  /** Seconds between polls of non-terminal evaluations, default 5 (1..3600). */
  pollIntervalSeconds: 'evalgate.pollIntervalSeconds',
  /** Seconds between polls while the view is hidden, default 60 (10..3600; 0: none while hidden). */
  backgroundPollIntervalSeconds: 'evalgate.backgroundPollIntervalSeconds',
  /** Notify when a watched evaluation reaches a terminal status, default true. */
  notifyOnFinish: 'evalgate.notifyOnFinish',
} as const;

/** A provider name as core's registry lists them. */
export type ProviderId = ProviderName;

/** One entry of the `evalgate.connections` setting. */
export interface ConnectionSetting {
  /**
   * Stable id (names the stored API key, which is sent only to the provider and base URL it was entered for).
   * Default: `<provider>@<baseUrl without trailing slash>`.
   */
  id?: string;
  label?: string;
  provider: ProviderId;
  /**
   * Prime/Nugen: origin (e.g. `https://api.primeintellect.ai`); OpenAI: API root (e.g. `https://api.openai.com/v1`).
   * https is required except on loopback (`http://127.0.0.1:4010` for the emulator).
   */
  baseUrl: string;
}

export interface AddConnectionArgs {
  provider: ProviderId;
  baseUrl: string;
  label?: string;
  id?: string;
}

/** Normalized statuses, as in `@evalgate/core`. */
export type EvaluationStatusName = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled' | 'timed_out' | 'unknown';

/**
 * The context key that drives `viewsWelcome` (set with `setContext`). The tree is empty (and the welcome shows) in
 * every state but `ready`.
 */
export const VIEW_STATE_CONTEXT_KEY = 'evalgate.viewState';
export type ViewState =
  /** `evalgate.connections` is empty. */
  | 'noConnection'
  /** No connection has an API key. */
  | 'noApiKey'
  /** Every connection with a key failed with a connection error/timeout on its first page. */
  | 'unreachable'
  /** `evalgate.connections` is invalid (the message names the entry and field). */
  | 'badSettings'
  | 'ready';

/**
 * Tree row kinds. A row's `contextValue` is its kind followed by capability words, space separated, e.g.
 * `evaluation cancelable openable copyable status-running`. Menus match with `viewItem =~ /\bcancelable\b/`.
 *
 * - `connection`: label `<provider> · <host[:port]>` (URL.host: the port is shown unless it is the scheme default);
 *   words `removable`, then `hasApiKey` or `needsApiKey`.
 * - `group` (OpenAI eval, children are its runs): words `copyable`.
 * - `evaluation` (label = evaluation name): words `cancelable` (provider can cancel and not terminal), `openable`
 *   (has a report URL), `rerunnable` (finished, and the provider returned what starting it again needs), `copyable`,
 *   `status-<normalized status>`.
 * - `loadMore` (label `Load more…`): runs `evalgate.loadMore`.
 * - `message` (an inline notice, e.g. "No API key — click to set" or a load error): words `error` when it is one.
 */
export type TreeNodeKind = 'connection' | 'group' | 'evaluation' | 'loadMore' | 'message';

/** Identifies a row without holding the extension's objects; commands accept it as `item`. */
export interface ItemRef {
  connectionId: string;
  /** OpenAI eval id, for a group row or the runs under it. */
  groupId?: string;
  /** Evaluation id as `@evalgate/core` gives it (OpenAI: `<eval_id>/<run_id>`). */
  evaluationId?: string;
}

/** One visible tree row, resolved through the same TreeDataProvider VS Code uses. */
export interface TreeNodeSnapshot extends ItemRef {
  kind: TreeNodeKind;
  label: string;
  description?: string;
  contextValue: string;
  /** Codicon id, e.g. `sync~spin`, `pass`, `error`. */
  iconId?: string;
  /** Theme colour id of the icon, e.g. `testing.iconPassed`. */
  iconColor?: string;
  /** The Markdown tooltip's source text. */
  tooltip?: string;
  /** The row's accessibility label (what a screen reader says), e.g. `nightly, evaluation, completed, avg 0.8`. */
  accessibilityLabel?: string;
  /** Present for expandable rows (connection, group): their children, loaded if needed. */
  children?: TreeNodeSnapshot[];
}

export interface SnapshotOptions {
  /** Resolve children of expandable rows (default true). False returns the root rows only. */
  expand?: boolean;
}

export interface Disposable {
  dispose(): void;
}

/** Same shape as `vscode.Event<T>`. */
export type ApiEvent<T> = (listener: (e: T) => unknown, thisArgs?: unknown, disposables?: Disposable[]) => Disposable;

/** One open details tab, as the extension holds it and as its page last reported it. */
export interface DetailsViewSnapshot {
  connectionId: string;
  evaluationId: string;
  status: EvaluationStatusName;
  /** Renders so far; the page reports back the one it drew. */
  revision: number;
  samples: 'loading' | 'loaded' | 'unsupported' | 'failed';
  /** Samples read from the provider. */
  sampleCount: number;
  /** Raw statuses seen, in order. */
  timeline: string[];
  /** What the page itself says it drew (its script reports it after each render). */
  rendered?: {
    revision: number;
    /** The sample rows in the page, in order (lowest score first). */
    sampleIds: string[];
    histogramBars: number;
  };
}

/** One open compare tab. */
export interface CompareViewSnapshot {
  beforeId: string;
  afterId: string;
  revision: number;
  /** Both sample lists were read (or failed) and the deltas computed. */
  loaded: boolean;
  avgDelta?: number;
  /** Samples with the same id in both runs. */
  matched?: number;
  rendered?: { revision: number; changedSampleIds: string[] };
}

/** What `activate()` returns. */
export interface EvalgateApi {
  /** The tree as VS Code would show it now (root rows, and children when `expand` is not false). */
  snapshot(options?: SnapshotOptions): Promise<TreeNodeSnapshot[]>;
  /**
   * Resolves once settings and keys were read and no list/get/cancel request is in flight (waits through chains that
   * start while waiting).
   */
  whenIdle(): Promise<void>;
  /**
   * Fires after every change of the tree (the provider's `onDidChangeTreeData` fired): with the rows redrawn, or
   * `undefined` when the whole tree was.
   */
  onDidChangeTree: ApiEvent<TreeNodeSnapshot[] | undefined>;
  /** The current welcome/view state (also the `evalgate.viewState` context key). */
  viewState(): ViewState;
  /** Whether the Evaluations view is visible now (polling is slower while it is not). */
  viewVisible(): boolean;
  /** The status-bar item's text (`undefined` while hidden, i.e. nothing running). */
  statusBarText(): string | undefined;
  /** Ids of the configured connections, in settings order (empty until settings were read: `whenIdle()` first). */
  connectionIds(): string[];
  /**
   * Ids of connections whose stored API key is not sent because it was entered for another provider or base URL
   * (the user has been asked whether to send it there).
   */
  withheldKeyConnectionIds(): string[];
  /** The open details tabs. */
  detailsViews(): DetailsViewSnapshot[];
  /** Fires when a details page reports what it drew. */
  onDidRenderDetails: ApiEvent<DetailsViewSnapshot>;
  /** The open compare tabs. */
  compareViews(): CompareViewSnapshot[];
}
