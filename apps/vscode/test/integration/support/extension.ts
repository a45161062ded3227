/** Reaching the extension under test the way a user would: open its view, then talk to the API `activate()` returned. */
import * as vscode from 'vscode';
import { COMMANDS, EXTENSION_ID, VIEW_CONTAINER_ID, type EvalgateApi, type TreeNodeSnapshot } from '../../../src/api.js';
import { testConfig, type TestConfig } from './test-config.js';

const WAIT_MS = 30_000;

export function extension(): vscode.Extension<EvalgateApi> {
  const found = vscode.extensions.getExtension<EvalgateApi>(EXTENSION_ID);
  if (!found) throw new Error(`extension ${EXTENSION_ID} is not installed in this VS Code (check extensionDevelopmentPath)`);
  return found;
}

/** Opens the Evaluations view container (what clicking its activity-bar entry does). */
export async function openEvaluationsView(): Promise<void> {
  await vscode.commands.executeCommand(`workbench.view.extension.${VIEW_CONTAINER_ID}`);
}

/** Waits until `check` returns a value, polling every 100 ms; the deadline only bounds a hang, it asserts nothing. */
export async function eventually<T>(what: string, check: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The extension's API, activated through its view (never through `Extension.activate()`). */
export async function evalgateApi(): Promise<EvalgateApi> {
  await openEvaluationsView();
  const ext = extension();
  return eventually('the extension to activate after its view opened', () => (ext.isActive ? ext.exports : undefined));
}

export type ProviderId = keyof TestConfig['connectionIds'];

/** Stores (or, with '', deletes) API keys through the extension's own command, then waits for it to settle. */
export async function setApiKeys(api: EvalgateApi, keys: Partial<Record<ProviderId, string>>): Promise<void> {
  const { connectionIds } = await testConfig();
  for (const [provider, key] of Object.entries(keys) as Array<[ProviderId, string]>) {
    const stored = await vscode.commands.executeCommand(COMMANDS.setApiKey, connectionIds[provider], key);
    if (stored === false) throw new Error(`${COMMANDS.setApiKey}(${connectionIds[provider]}) did not store the key (see the evalgate log)`);
  }
  await api.whenIdle();
}

/** The emulator's key on every connection. */
export async function useGoodKeys(api: EvalgateApi): Promise<void> {
  const { apiKey } = await testConfig();
  await setApiKeys(api, { prime: apiKey, nugen: apiKey, openai: apiKey });
}

/**
 * Snapshots the tree until `select` finds what it looks for. Waits on the extension's own signals
 * (`whenIdle`, `onDidChangeTree`), with a 250 ms fallback; on giving up, the error shows the last tree.
 */
export async function waitForTree<T>(api: EvalgateApi, what: string, select: (tree: TreeNodeSnapshot[]) => T | undefined): Promise<T> {
  let last: TreeNodeSnapshot[] = [];
  try {
    return await eventually(what, async () => {
      await api.whenIdle();
      last = await api.snapshot();
      const found = select(last);
      if (found !== undefined) return found;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, 250);
        const subscription = api.onDidChangeTree(done);
        function done(): void {
          clearTimeout(timer);
          subscription.dispose();
          resolve();
        }
      });
      return undefined;
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}; last tree:\n${describeTree(last)}`);
  }
}

export function describeTree(nodes: TreeNodeSnapshot[], indent = ''): string {
  return nodes
    .map((node) => {
      const line = `${indent}${node.label}${node.description ? ` — ${node.description}` : ''} [${node.contextValue}]`;
      return node.children ? `${line}\n${describeTree(node.children, `${indent}  `)}` : line;
    })
    .join('\n');
}
