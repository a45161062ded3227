import * as z from 'zod/mini';
import type { AddConnectionArgs } from '../api.js';
import type { ProviderName } from '@evalgate/core';
import { providerIds } from './providers/registry.js';

/**
 * VS Code hands a view-title command the focused tree row as its first argument; a title command that also takes
 * programmatic arguments (tests, other extensions) must tell the two apart and ignore the row.
 */
export function isTreeRow(argument: unknown): boolean {
  return typeof argument === 'object' && argument !== null && 'kind' in argument && typeof argument.kind === 'string' && 'contextValue' in argument;
}

const addConnectionArgs = z.object({
  provider: z.custom<ProviderName>((value) => typeof value === 'string' && (providerIds() as readonly string[]).includes(value), {
    error: () =>
      `must be one of ${providerIds()
        .map((name) => `"${name}"`)
        .join(', ')}`,
  }),
  baseUrl: z.string(),
  label: z.optional(z.string()),
  id: z.optional(z.string()),
});

/** `evalgate.addConnection`'s argument: the entry to add, or undefined to ask (no argument, or a tree row). */
export function addConnectionArgsOf(argument: unknown): { ask: true } | { ask: false; args: AddConnectionArgs } | { ask: false; problem: string } {
  if (argument === undefined || argument === null || isTreeRow(argument)) return { ask: true };
  const parsed = addConnectionArgs.safeParse(argument);
  if (parsed.success) {
    const { provider, baseUrl, label, id } = parsed.data;
    return { ask: false, args: { provider, baseUrl, ...(label !== undefined ? { label } : {}), ...(id !== undefined ? { id } : {}) } };
  }
  return {
    ask: false,
    problem: `expected { provider: ${providerIds()
      .map((name) => `"${name}"`)
      .join(' | ')}, baseUrl, label?, id? }: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'argument'} ${issue.message}`).join('; ')}`,
  };
}

/** `evalgate.filterByStatus`'s argument: statuses to apply, or undefined to ask (no argument, or a tree row). */
export function statusesArgOf(argument: unknown): unknown[] | undefined {
  if (argument === undefined || argument === null || isTreeRow(argument)) return undefined;
  return Array.isArray(argument) ? (argument as unknown[]) : [argument];
}
