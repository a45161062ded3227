// A minimal stand-in for the `vscode` module, enough for an extension's activate() to run in plain node.
// Benchmark-only: it measures the extension's own load and wiring cost, not VS Code's.
'use strict';

const disposable = () => ({ dispose() {} });
const event = () => () => disposable();

class EventEmitter {
  constructor() {
    this.listeners = new Set();
    this.event = (listener) => {
      this.listeners.add(listener);
      return { dispose: () => this.listeners.delete(listener) };
    };
  }
  fire(value) {
    for (const listener of [...this.listeners]) listener(value);
  }
  dispose() {
    this.listeners.clear();
  }
}

class Disposable {
  constructor(callOnDispose) {
    this.callOnDispose = callOnDispose;
  }
  static from(...items) {
    return new Disposable(() => items.forEach((item) => item.dispose()));
  }
  dispose() {
    this.callOnDispose?.();
  }
}

class TreeItem {
  constructor(label, collapsibleState) {
    this.label = label;
    this.collapsibleState = collapsibleState;
  }
}
class ThemeIcon {
  constructor(id, color) {
    this.id = id;
    this.color = color;
  }
}
class ThemeColor {
  constructor(id) {
    this.id = id;
  }
}
class MarkdownString {
  constructor(value = '') {
    this.value = value;
  }
  appendMarkdown(text) {
    this.value += text;
    return this;
  }
}

const logChannel = () => {
  const channel = { name: 'log', logLevel: 2, onDidChangeLogLevel: event(), dispose() {}, show() {}, hide() {}, clear() {} };
  for (const level of ['trace', 'debug', 'info', 'warn', 'error', 'append', 'appendLine', 'replace']) channel[level] = () => {};
  return channel;
};

function createSettings(values) {
  return {
    getConfiguration: (section) => ({
      get: (key, fallback) => values[`${section}.${key}`] ?? fallback,
      has: (key) => `${section}.${key}` in values,
      inspect: (key) => ({ key: `${section}.${key}`, globalValue: values[`${section}.${key}`] }),
      update: async (key, value) => {
        values[`${section}.${key}`] = value;
      },
    }),
    onDidChangeConfiguration: event(),
    onDidGrantWorkspaceTrust: event(),
    isTrusted: true,
    workspaceFolders: undefined,
  };
}

/** Builds the module; `settings` are flat `section.key` values (e.g. `evalgate.connections`). */
function createFakeVscode(settings = {}) {
  return {
    EventEmitter,
    Disposable,
    TreeItem,
    ThemeIcon,
    ThemeColor,
    MarkdownString,
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    StatusBarAlignment: { Left: 1, Right: 2 },
    ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
    LogLevel: { Off: 0, Trace: 1, Debug: 2, Info: 3, Warning: 4, Error: 5 },
    Uri: { parse: (value) => ({ toString: () => value }) },
    window: {
      createTreeView: () => ({ visible: false, message: undefined, onDidChangeVisibility: event(), onDidExpandElement: event(), dispose() {} }),
      createOutputChannel: logChannel,
      createStatusBarItem: () => ({ show() {}, hide() {}, dispose() {} }),
      showInformationMessage: async () => undefined,
      showWarningMessage: async () => undefined,
      showErrorMessage: async () => undefined,
      showQuickPick: async () => undefined,
      showInputBox: async () => undefined,
      setStatusBarMessage: () => disposable(),
      registerTreeDataProvider: () => disposable(),
    },
    commands: { registerCommand: () => disposable(), executeCommand: async () => undefined },
    workspace: createSettings(settings),
    env: { openExternal: async () => true, clipboard: { writeText: async () => {} } },
    extensions: { getExtension: () => undefined },
  };
}

function fakeExtensionContext() {
  const secrets = new Map();
  return {
    subscriptions: [],
    secrets: {
      get: async (key) => secrets.get(key),
      store: async (key, value) => void secrets.set(key, value),
      delete: async (key) => void secrets.delete(key),
      onDidChange: event(),
    },
    globalState: { get: () => undefined, update: async () => {}, keys: () => [] },
    workspaceState: { get: () => undefined, update: async () => {}, keys: () => [] },
    extensionPath: process.cwd(),
    extensionUri: { fsPath: process.cwd() },
  };
}

module.exports = { createFakeVscode, fakeExtensionContext };
