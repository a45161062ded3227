import type { Evaluation, Page } from '../../domain/evaluation.js';
import type { ListOptions, ListPageOptions } from '../../domain/client.js';

/**
 * Walks offset pages until the provider's `total`, yielding each evaluation once by id and fetching at most
 * `maxPages` pages: offset paging over a list that changes while it is read repeats rows (NUGEN-11), and a
 * `total` that never gets reached must not keep the walk going.
 */
export async function* uniquePages(
  listPage: (options: ListPageOptions) => Promise<Page<Evaluation>>,
  options: ListOptions,
  maxPages: number,
): AsyncGenerator<Evaluation, void, undefined> {
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let pages = 0; pages < maxPages; pages++) {
    const page = await listPage({ ...options, ...(cursor !== undefined ? { cursor } : {}) });
    for (const evaluation of page.items) {
      if (seen.has(evaluation.id)) continue;
      seen.add(evaluation.id);
      yield evaluation;
    }
    if (page.nextCursor === undefined || page.nextCursor === cursor) return;
    cursor = page.nextCursor;
  }
}
