import type { Evaluation, Page } from './domain/evaluation.js';
import type { ListOptions, ListPageOptions } from './domain/client.js';

/** Walks `listPage` cursor by cursor; the next page is fetched only when the caller asks for more. */
export async function* paginate(
  listPage: (options: ListPageOptions) => Promise<Page<Evaluation>>,
  options: ListOptions = {},
): AsyncGenerator<Evaluation, void, undefined> {
  let cursor: string | undefined;
  const seen = new Set<string>();
  for (;;) {
    const page = await listPage({ ...options, ...(cursor !== undefined ? { cursor } : {}) });
    yield* page.items;
    // A cursor that does not move would loop forever; stop instead.
    if (page.nextCursor === undefined || seen.has(page.nextCursor)) return;
    seen.add(page.nextCursor);
    cursor = page.nextCursor;
  }
}
