/** How long the server asked us to wait, in ms, from `retry-after-ms` then `Retry-After` (seconds or HTTP date). */
export function retryAfterMs(headers: Headers, now: number): number | undefined {
  const msHeader = headers.get('retry-after-ms');
  if (msHeader !== null) {
    const ms = Number(msHeader.trim());
    if (msHeader.trim() !== '' && Number.isFinite(ms) && ms >= 0) return ms;
  }
  const header = headers.get('retry-after');
  if (header === null || header.trim() === '') return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

export const BACKOFF_INITIAL_MS = 500;
export const BACKOFF_MAX_MS = 8_000;
/** A server asking for a longer wait than this is treated as "give up now". */
export const MAX_RETRY_AFTER_MS = 60_000;

/** Exponential backoff with ±25% jitter: 0.5 s · 2^attempt, capped at 8 s (before jitter). */
export function backoffMs(retryIndex: number, random: () => number): number {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_INITIAL_MS * 2 ** retryIndex);
  const jitter = 1 - 0.25 + 0.5 * random();
  return Math.round(base * jitter);
}
