// Our tags in a saved create target: where the provider keeps metadata, they identify the evaluation a lost create
// made (providers' lost-create.ts build their targets with these).
import * as z from 'zod/mini';

export const createTagsSchema = z.object({ evalgate_sha: z.string(), evalgate_config: z.string(), evalgate_repo: z.string() });

export type CreateTags = z.infer<typeof createTagsSchema>;

/** The tags a create request's metadata carries ('' for a missing one: then they identify nothing). */
export function createTagsOf(metadata: Record<string, unknown> | undefined): CreateTags {
  const tag = (key: string) => {
    const value = metadata?.[key];
    return typeof value === 'string' ? value : '';
  };
  return { evalgate_sha: tag('evalgate_sha'), evalgate_config: tag('evalgate_config'), evalgate_repo: tag('evalgate_repo') };
}
