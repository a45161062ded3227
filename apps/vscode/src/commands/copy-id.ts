import * as vscode from 'vscode';
import { toItemRef } from '../logic/item-ref.js';
import { copyableId } from '../logic/messages.js';

/** `evalgate.copyId(item)`: copies the provider's id of the row (OpenAI: the run id, or the eval id); resolves to it. */
export function copyIdCommand() {
  return async (item?: unknown): Promise<string | undefined> => {
    const ref = toItemRef(item);
    const id = ref ? copyableId(ref) : undefined;
    if (id === undefined) return undefined;
    await vscode.env.clipboard.writeText(id);
    vscode.window.setStatusBarMessage(`Copied ${id}`, 3_000);
    return id;
  };
}
