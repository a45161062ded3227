// Acme keeps the labels a create sends: our tags alone identify a job a lost create made (as OpenAI's metadata does).
import { createTagsOf, createTagsSchema, type LostCreateIdentity } from '@evalgate/gate/testing';
import * as z from 'zod';
import type { AcmeCreateRequest } from '../core/request.js';

const acmeTargetSchema = z.object({ provider: z.literal('acme'), suite: z.string(), model: z.string(), tags: createTagsSchema });

export type AcmeTarget = z.infer<typeof acmeTargetSchema>;

export const acmeLostCreate: LostCreateIdentity<AcmeCreateRequest, AcmeTarget> = {
  schema: acmeTargetSchema,
  targetOf: (request) => ({ provider: 'acme', suite: request.suite, model: request.model, tags: createTagsOf(request.labels) }),
  // Without our tags a job is someone else's, even on the same suite and model.
  matches: () => false,
};
