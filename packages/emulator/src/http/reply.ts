/** What a route hands back; the server writes it with the common headers. */
export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Sent verbatim instead of JSON.stringify(body) (malformed-json faults). */
  rawBody?: string;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => (headers ? { status, body, headers } : { status, body });
