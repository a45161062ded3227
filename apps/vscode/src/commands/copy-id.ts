import * as vscode from 'vscode';
import { toItemRef } from '../logic/item-ref.js';

/** `evalgate.copyId(item)`: copies the evaluation id (an OpenAI eval row: the eval id); resolves to it. */
export function copyIdCommand() {
  return async (item?: unknown): Promise<string | undefined> => {
    const ref = toItemRef(item);
    const id = ref?.evaluationId ?? ref?.groupId;
    if (id === undefined) return undefined;
    await vscode.env.clipboard.writeText(id);
    vscode.window.setStatusBarMessage(`Copied ${id}`, 3_000);
    return id;
  };
}
