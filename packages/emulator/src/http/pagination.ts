/** The two paging styles: offset/limit (Prime, Nugen) and OpenAI's cursor lists (after/limit/order/has_more). */

export function offsetPage<T>(newestFirst: readonly T[], offset: number, limit: number): T[] {
  return newestFirst.slice(offset, offset + limit);
}

export interface CursorPage<T> {
  data: T[];
  first_id: string | null;
  last_id: string | null;
  has_more: boolean;
}

/** `after` is the id of the last item of the previous page; an unknown cursor starts from the beginning. */
export function cursorPage<T extends { id: string }>(
  newestFirst: readonly T[],
  query: { after?: string | undefined; limit: number; order: 'asc' | 'desc' },
): CursorPage<T> {
  const ordered = query.order === 'asc' ? [...newestFirst].reverse() : newestFirst;
  const start = query.after === undefined ? 0 : ordered.findIndex((item) => item.id === query.after) + 1;
  const data = ordered.slice(start, start + query.limit);
  return {
    data,
    first_id: data[0]?.id ?? null,
    last_id: data[data.length - 1]?.id ?? null,
    has_more: start + query.limit < ordered.length,
  };
}
