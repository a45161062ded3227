import * as vscode from 'vscode';
import type { AddConnectionArgs } from '../api.js';
import { addConnectionArgsOf } from '../logic/command-args.js';
import { providerEntries } from '../logic/providers/registry.js';
import { connectionIdOf, validateConnectionEntry } from '../logic/settings.js';
import { appendConnection } from '../vscode/config.js';
import type { Session } from '../vscode/session.js';
import { promptAndStoreApiKey } from './set-api-key.js';

/**
 * `evalgate.addConnection(args?)`: with args, adds without asking (tests, other extensions); without (or with the
 * tree row VS Code passes to a view-title button), asks for provider, base URL, label, then the API key. Resolves
 * to the connection id.
 */
export function addConnectionCommand(session: Session) {
  return async (argument?: unknown): Promise<string | undefined> => {
    const parsed = addConnectionArgsOf(argument);
    if (!parsed.ask && 'problem' in parsed) {
      session.reportError('Adding the connection', new Error(parsed.problem));
      return undefined;
    }
    const entry = parsed.ask ? await askForEntry() : toEntry(parsed.args);
    if (!entry) return undefined;
    return addEntry(session, entry, parsed.ask ? {} : undefined);
  };
}

/** Writes the entry unless its connection exists; asks for the key when `askKey` is given. */
export async function addEntry(session: Session, entry: Record<string, string>, askKey?: { prefill?: string }): Promise<string | undefined> {
  const problems = validateConnectionEntry(entry);
  if (problems.length > 0) {
    session.reportError('Adding the connection', new Error(problems.join('; ')));
    return undefined;
  }
  const id = connectionIdOf(entry)!;
  await session.ready();
  if (session.store.connection(id)) {
    void vscode.window.showInformationMessage(`The connection "${id}" is already configured.`);
  } else {
    await appendConnection(entry);
    session.log.info(`Added connection ${id}.`);
    await session.reload();
  }
  if (askKey && !session.store.connection(id)?.hasApiKey) await promptAndStoreApiKey(session, id, askKey.prefill);
  return id;
}

function toEntry(args: AddConnectionArgs): Record<string, string> {
  const entry: Record<string, string> = { provider: args.provider, baseUrl: args.baseUrl };
  if (args.label) entry.label = args.label;
  if (args.id) entry.id = args.id;
  return entry;
}

async function askForEntry(): Promise<Record<string, string> | undefined> {
  const picked = await vscode.window.showQuickPick(
    providerEntries().map((entry) => ({ label: entry.name, description: entry.description, entry })),
    { placeHolder: 'Evaluation provider', ignoreFocusOut: true },
  );
  if (!picked) return undefined;
  const { name, defaultBaseUrl, extension } = picked.entry;
  const baseUrl = await vscode.window.showInputBox({
    prompt: extension.baseUrlPrompt,
    value: defaultBaseUrl,
    ignoreFocusOut: true,
    validateInput: (value) => validateConnectionEntry({ provider: name, baseUrl: value })[0],
  });
  if (!baseUrl) return undefined;
  const label = await vscode.window.showInputBox({ prompt: 'Label (optional)', ignoreFocusOut: true });
  if (label === undefined) return undefined;
  return { provider: name, baseUrl: baseUrl.trim(), ...(label.trim() ? { label: label.trim() } : {}) };
}
