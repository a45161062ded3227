import { APIError, AuthenticationError, ConnectionError, EvalgateError, PermissionDeniedError, RateLimitError, TimeoutError } from '@evalgate/core';

export type ErrorKind = 'unreachable' | 'auth' | 'rateLimited' | 'other';

/** A failure as the view shows it: the provider's message (core errors never carry the key) and its kind. */
export interface LoadFailure {
  kind: ErrorKind;
  message: string;
  /** The wait the server asked for (Retry-After on a 429/503), when the error response said. */
  retryAfterMs?: number;
}

export function classifyError(error: unknown): ErrorKind {
  if (error instanceof ConnectionError || error instanceof TimeoutError) return 'unreachable';
  if (error instanceof AuthenticationError || error instanceof PermissionDeniedError) return 'auth';
  if (error instanceof RateLimitError) return 'rateLimited';
  return 'other';
}

export function toLoadFailure(error: unknown): LoadFailure {
  const retryAfterMs = error instanceof APIError ? error.retryAfterMs : undefined;
  return {
    kind: classifyError(error),
    message: error instanceof EvalgateError || error instanceof Error ? error.message : String(error),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  };
}
