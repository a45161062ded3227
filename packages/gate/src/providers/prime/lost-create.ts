// Prime's hosted create takes no metadata (core adds it with a PUT after the answer): an unanswered one is untagged,
// so its name (which carries the PR and commit) and creation time identify it too.
import type { PrimeCreateRequest } from '@evalgate/core';
import * as z from 'zod/mini';
import { createTagsOf, createTagsSchema } from '../../evaluation/create-tags.js';
import { MARKER_KEY } from '../../tags.js';
import type { LostCreateIdentity } from '../gate-provider.js';

const primeTargetSchema = z.object({ provider: z.literal('prime'), tags: createTagsSchema, name: z.optional(z.string()) });

export type PrimeTarget = z.infer<typeof primeTargetSchema>;

export const primeLostCreate: LostCreateIdentity<PrimeCreateRequest, PrimeTarget> = {
  schema: primeTargetSchema,
  targetOf: (request) => ({ provider: 'prime', tags: createTagsOf(request.metadata), ...(request.name ? { name: request.name } : {}) }),
  matches: (evaluation, target) => target.name !== undefined && evaluation.name === target.name && evaluation.metadata?.[MARKER_KEY] === undefined,
};
