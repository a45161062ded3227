import type { Evaluation, Page } from './domain/evaluation.js';
import type { ListOptions, ListPageOptions } from './domain/client.js';

/** Pages one `list()` walk may fetch: a provider that never says "no more" cannot keep us requesting for ever. */
export const DEFAULT_MAX_LIST_PAGES = 100;
/** Items one `list()` walk may yield, whatever the page size. */
export const DEFAULT_MAX_LIST_ITEMS = 10_000;

/**
 * Walks `listPage` cursor by cursor; the next page is fetched only when the caller asks for more.
 * The walk ends at the last page, and also, because the provider's answers are untrusted, at an empty page, at any
 * cursor seen before (not just the previous one: alternating cursors loop too) and at the page and item caps.
 */
export async function* paginate(
  listPage: (options: ListPageOptions) => Promise<Page<Evaluation>>,
  options: ListOptions = {},
): AsyncGenerator<Evaluation, void, undefined> {
  const { maxPages = DEFAULT_MAX_LIST_PAGES, maxItems = DEFAULT_MAX_LIST_ITEMS, ...pageOptions } = options;
  let cursor: string | undefined;
  const seen = new Set<string>();
  let yielded = 0;
  for (let pages = 0; pages < maxPages && yielded < maxItems; pages++) {
    const page = await listPage({ ...pageOptions, ...(cursor !== undefined ? { cursor } : {}) });
    for (const item of page.items) {
      if (yielded >= maxItems) return;
      yielded++;
      yield item;
    }
    if (page.items.length === 0 || page.nextCursor === undefined || seen.has(page.nextCursor)) return;
    seen.add(page.nextCursor);
    cursor = page.nextCursor;
  }
}
