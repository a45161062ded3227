/** Finding rows in an `EvalgateApi.snapshot()` tree. */
import type { TreeNodeSnapshot } from '../../../src/api.js';
import type { ProviderId } from './extension.js';

/** The connection row of a provider; the emulator hosts them all on one origin, so the label prefix tells them apart. */
export function connectionRow(tree: TreeNodeSnapshot[], provider: ProviderId): TreeNodeSnapshot | undefined {
  return tree.find((node) => node.kind === 'connection' && node.label.startsWith(`${provider} · `));
}

/** Every evaluation row below `node` (through OpenAI group rows). */
export function evaluationRows(node: TreeNodeSnapshot | undefined): TreeNodeSnapshot[] {
  if (!node?.children) return [];
  return node.children.flatMap((child) => (child.kind === 'evaluation' ? [child] : evaluationRows(child)));
}

export function words(node: TreeNodeSnapshot): string[] {
  return node.contextValue.split(/\s+/);
}

export function hasWord(node: TreeNodeSnapshot, word: string): boolean {
  return words(node).includes(word);
}
