import type { Evaluation, Page } from './domain/evaluation.js';
import type { ListOptions, ListPageOptions } from './domain/client.js';

/** Pages one `list()` walk may fetch: a provider that never says "no more" cannot keep us requesting for ever. */
export const DEFAULT_MAX_LIST_PAGES = 100;
/** Items one `list()` walk may yield, whatever the page size. */
export const DEFAULT_MAX_LIST_ITEMS = 10_000;

/**
 * Walks `listPage` cursor by cursor; the next page is fetched only when the caller asks for more.
 * The walk ends at the last page, and also, because the provider's answers are untrusted, at an empty page, at any
 * cursor seen before (not just the previous one: alternating cursors loop too) and at the page and item caps
 * (`onCapped` is told then, so the caller can say the list was cut). Each evaluation is yielded once: offset pages
 * shift while others are created, so a row can come again on the next page (PRIME-3, NUGEN-11).
 */
export async function* paginate(
  listPage: (options: ListPageOptions) => Promise<Page<Evaluation>>,
  options: ListOptions = {},
  onCapped?: (limit: string) => void,
): AsyncGenerator<Evaluation, void, undefined> {
  const { maxPages = DEFAULT_MAX_LIST_PAGES, maxItems = DEFAULT_MAX_LIST_ITEMS, ...pageOptions } = options;
  let cursor: string | undefined;
  const cursorsSeen = new Set<string>();
  const idsSeen = new Set<string>();
  for (let pages = 0; pages < maxPages; pages++) {
    const page = await listPage({ ...pageOptions, ...(cursor !== undefined ? { cursor } : {}) });
    for (const item of page.items) {
      if (idsSeen.has(item.id)) continue;
      if (idsSeen.size >= maxItems) {
        onCapped?.(`${maxItems} evaluations`);
        return;
      }
      idsSeen.add(item.id);
      yield item;
    }
    if (page.items.length === 0 || page.nextCursor === undefined || cursorsSeen.has(page.nextCursor)) return;
    cursorsSeen.add(page.nextCursor);
    cursor = page.nextCursor;
  }
  onCapped?.(`${maxPages} pages`);
}
