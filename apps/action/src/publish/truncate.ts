/** GitHub's limit for a check run's summary and text, and for a comment body. */
export const GITHUB_TEXT_LIMIT = 65_535;

/** Cuts `text` at a line boundary so that it fits in `limit` UTF-8 bytes (stricter than GitHub's character count). */
export function truncateForGitHub(text: string, limit = GITHUB_TEXT_LIMIT): string {
  if (Buffer.byteLength(text) <= limit) return text;
  const notice = (omitted: number) => `\n\n… truncated: ${omitted} more characters did not fit GitHub's limit.`;
  let budget = limit - Buffer.byteLength(notice(text.length));
  let cut = text.slice(0, budget);
  while (Buffer.byteLength(cut) > budget) {
    budget -= Math.max(1, Buffer.byteLength(cut) - budget);
    cut = text.slice(0, budget);
  }
  const lineEnd = cut.lastIndexOf('\n');
  if (lineEnd > cut.length / 2) cut = cut.slice(0, lineEnd);
  // A lone high surrogate would make the result invalid UTF-16.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut + notice(text.length - cut.length);
}
