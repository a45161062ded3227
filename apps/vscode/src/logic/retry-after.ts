// Core honours Retry-After for its own retries but does not put the value on the RateLimitError it throws, and
// polls run with maxRetries 0 so the poller owns the backoff. This reads the header off the wire instead.

/** How long the server asked to wait, in ms: `retry-after-ms`, else `Retry-After` (seconds or an HTTP date). */
export function parseRetryAfterMs(headers: Headers, now: number): number | undefined {
  const ms = Number(headers.get('retry-after-ms')?.trim() || Number.NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** A fetch for one client that remembers the wait the last 429/503 asked for, until taken. */
export class RetryAfterRecorder {
  private last: number | undefined;

  constructor(
    private readonly baseFetch: typeof fetch = globalThis.fetch,
    private readonly now: () => number = Date.now,
  ) {}

  readonly fetch: typeof fetch = async (input, init) => {
    const response = await this.baseFetch(input, init);
    if (response.status === 429 || response.status === 503) this.last = parseRetryAfterMs(response.headers, this.now());
    return response;
  };

  /** The recorded wait (once), or undefined. */
  take(): number | undefined {
    const value = this.last;
    this.last = undefined;
    return value;
  }
}
