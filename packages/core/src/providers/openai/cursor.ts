/** The fields of an OpenAI list page that decide where the next page starts. */
export interface CursorFields {
  data: ReadonlyArray<{ id?: string | null | undefined }>;
  last_id?: string | null | undefined;
  has_more?: boolean | null | undefined;
}

/**
 * The `after` for the page following `page` (QUIRKS OPENAI-5), or undefined when there is none: the `id` of the
 * last item, as openai-node's CursorPage does (the published list-evals example has a `last_id` that is not its
 * last item's id), falling back to `last_id` only when that item carries no id. An empty page ends the walk even
 * when it says `has_more`: following it could only repeat the same request.
 */
export function nextAfter(page: CursorFields): string | undefined {
  if (page.has_more !== true || page.data.length === 0) return undefined;
  const last = page.data[page.data.length - 1]?.id;
  if (typeof last === 'string' && last !== '') return last;
  return typeof page.last_id === 'string' && page.last_id !== '' ? page.last_id : undefined;
}
