import {
  AuthenticationError,
  ConnectionError,
  EvalgateError,
  PermissionDeniedError,
  RateLimitError,
  TimeoutError,
} from '@evalgate/core';

export type ErrorKind = 'unreachable' | 'auth' | 'rateLimited' | 'other';

/** A failure as the view shows it: the provider's message (core errors never carry the key) and its kind. */
export interface LoadFailure {
  kind: ErrorKind;
  message: string;
  /** Server-requested wait, when the error carries one. */
  retryAfterMs?: number;
}

export function classifyError(error: unknown): ErrorKind {
  if (error instanceof ConnectionError || error instanceof TimeoutError) return 'unreachable';
  if (error instanceof AuthenticationError || error instanceof PermissionDeniedError) return 'auth';
  if (error instanceof RateLimitError) return 'rateLimited';
  return 'other';
}

export function toLoadFailure(error: unknown): LoadFailure {
  const retryAfterMs = readRetryAfterMs(error);
  return {
    kind: classifyError(error),
    message: error instanceof EvalgateError || error instanceof Error ? error.message : String(error),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  };
}

// Core's RateLimitError does not promise a Retry-After field; read one if a version provides it.
function readRetryAfterMs(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const value = (error as { retryAfterMs?: unknown }).retryAfterMs;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}
