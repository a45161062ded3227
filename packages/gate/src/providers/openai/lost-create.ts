// An OpenAI run carries our metadata from its create on: our tags alone identify it, within its eval.
import type { OpenAICreateRequest } from '@evalgate/core';
import * as z from 'zod/mini';
import { createTagsOf, createTagsSchema } from '../../evaluation/create-tags.js';
import type { LostCreateIdentity } from '../gate-provider.js';

const openaiTargetSchema = z.object({ provider: z.literal('openai'), evalId: z.string(), tags: createTagsSchema });

export type OpenAITarget = z.infer<typeof openaiTargetSchema>;

export const openaiLostCreate: LostCreateIdentity<OpenAICreateRequest, OpenAITarget> = {
  schema: openaiTargetSchema,
  targetOf: (request) => ({ provider: 'openai', evalId: request.evalId, tags: createTagsOf(request.metadata) }),
  matches: () => false,
  listScope: (target) => ({ evalId: target.evalId }),
};
