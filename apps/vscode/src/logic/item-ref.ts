import * as z from 'zod/mini';
import type { ItemRef } from '../api.js';

const itemRefSchema = z.object({
  connectionId: z.string().check(z.minLength(1)),
  groupId: z.optional(z.string().check(z.minLength(1))),
  evaluationId: z.optional(z.string().check(z.minLength(1))),
});

/**
 * Reads a command's `item` argument: a tree node, a `TreeNodeSnapshot`, an `ItemRef`, or a connection id string.
 * Extra fields are ignored; anything else gives undefined (the command then asks or explains).
 */
export function toItemRef(argument: unknown): ItemRef | undefined {
  if (typeof argument === 'string') return argument.trim() === '' ? undefined : { connectionId: argument };
  const parsed = itemRefSchema.safeParse(argument);
  if (!parsed.success) return undefined;
  const { connectionId, groupId, evaluationId } = parsed.data;
  return { connectionId, ...(groupId !== undefined ? { groupId } : {}), ...(evaluationId !== undefined ? { evaluationId } : {}) };
}
