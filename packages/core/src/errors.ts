import type { Evaluation, ProviderName } from './domain/evaluation.js';

/** Root of every error evalgate throws on purpose. */
export class EvalgateError extends Error {
  override name = 'EvalgateError';
}

/** A setting or argument is wrong; the message names it and the fix. */
export class ConfigurationError extends EvalgateError {
  override name = 'ConfigurationError';
}

/** The provider cannot do this (e.g. Nugen has no cancel). */
export class UnsupportedOperationError extends EvalgateError {
  override name = 'UnsupportedOperationError';
  constructor(
    readonly provider: ProviderName,
    readonly operation: string,
  ) {
    super(`${provider} does not support ${operation}`);
  }
}

export interface APIErrorInit {
  provider: ProviderName;
  status?: number;
  requestId?: string;
  /** Parsed error body; never contains request headers. */
  body?: unknown;
  /** Field-level details, e.g. Prime `{errors:[{param,details}]}` or FastAPI `detail`. */
  details?: Array<{ param?: string; message: string }>;
  method?: string;
  /** Path only, without query string or origin credentials. */
  path?: string;
  /** The wait the error response asked for, in ms (`retry-after-ms`, else `Retry-After` seconds or HTTP date). */
  retryAfterMs?: number;
}

/** An HTTP-level failure talking to a provider. */
export class APIError extends EvalgateError {
  override name = 'APIError';
  readonly provider: ProviderName;
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  readonly body: unknown;
  readonly details: Array<{ param?: string; message: string }>;
  readonly method: string | undefined;
  readonly path: string | undefined;
  /**
   * How long the server asked the caller to wait before trying again, in ms, when the error response said
   * (`retry-after-ms`, else `Retry-After` in seconds or as an HTTP date); set whether or not the client retried,
   * so a caller that owns its backoff (e.g. `maxRetries: 0`) can honour it. Undefined when the response did not say.
   */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, init: APIErrorInit) {
    super(message);
    this.provider = init.provider;
    this.status = init.status;
    this.requestId = init.requestId;
    this.body = init.body;
    this.details = init.details ?? [];
    this.method = init.method;
    this.path = init.path;
    this.retryAfterMs = init.retryAfterMs;
  }
}

export class BadRequestError extends APIError {
  override name = 'BadRequestError';
}
export class AuthenticationError extends APIError {
  override name = 'AuthenticationError';
}
export class PermissionDeniedError extends APIError {
  override name = 'PermissionDeniedError';
}
export class NotFoundError extends APIError {
  override name = 'NotFoundError';
}
export class ConflictError extends APIError {
  override name = 'ConflictError';
}
export class UnprocessableEntityError extends APIError {
  override name = 'UnprocessableEntityError';
}
export class RateLimitError extends APIError {
  override name = 'RateLimitError';
}
export class ServerError extends APIError {
  override name = 'ServerError';
}

/** The request never got an HTTP response (refused, reset, DNS). */
export class ConnectionError extends APIError {
  override name = 'ConnectionError';
}

/** A per-attempt timeout or an overall deadline passed. */
export class TimeoutError extends APIError {
  override name = 'TimeoutError';
}

/** `waitForCompletion` reached its deadline; carries the last evaluation it saw, if any poll succeeded. */
export class WaitTimeoutError extends TimeoutError {
  override name = 'WaitTimeoutError';
  constructor(
    message: string,
    init: APIErrorInit,
    readonly lastEvaluation?: Evaluation,
  ) {
    super(message, init);
  }
}

/** The caller's AbortSignal fired. */
export class AbortError extends EvalgateError {
  override name = 'AbortError';
}

/** The provider answered 2xx with a body that lacks a required field or is not JSON. */
export class ResponseValidationError extends APIError {
  override name = 'ResponseValidationError';
}

/** The response body was larger than the client's `maxResponseBytes`; the read stopped there. */
export class ResponseTooLargeError extends APIError {
  override name = 'ResponseTooLargeError';
}

/**
 * The provider answered with a redirect. evalgate does not follow redirects: following one would re-send the request
 * (and its body) to wherever the response points; the fix is a base URL that needs none.
 */
export class RedirectError extends APIError {
  override name = 'RedirectError';
}

/**
 * A failure that may pass when the same request is made again later: no response, a timeout, 429, 5xx or a
 * garbled 2xx. Pollers keep going through these; anything else (401, 404, 422...) will not fix itself.
 */
export function isTransientError(error: unknown): boolean {
  return (
    error instanceof ConnectionError ||
    error instanceof TimeoutError ||
    error instanceof RateLimitError ||
    error instanceof ServerError ||
    error instanceof ResponseValidationError
  );
}

/** Maps an HTTP status to the matching error class. */
export function errorClassForStatus(status: number): typeof APIError {
  if (status === 400) return BadRequestError;
  if (status === 401) return AuthenticationError;
  if (status === 403) return PermissionDeniedError;
  if (status === 404) return NotFoundError;
  if (status === 409) return ConflictError;
  if (status === 422) return UnprocessableEntityError;
  if (status === 429) return RateLimitError;
  if (status >= 500) return ServerError;
  return APIError;
}
