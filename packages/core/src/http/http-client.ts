import '../zod-config.js';
import type * as z from 'zod/mini';
import type { ProviderName } from '../domain/evaluation.js';
import type { ClientLogger, RequestOptions } from '../domain/client.js';
import {
  AbortError,
  APIError,
  ConnectionError,
  RedirectError,
  ResponseTooLargeError,
  ResponseValidationError,
  TimeoutError,
  errorClassForStatus,
  type APIErrorInit,
} from '../errors.js';
import { parseErrorBody } from './error-body.js';
import { backoffMs, MAX_RETRY_AFTER_MS, retryAfterMs } from './retry-delay.js';
import { connectionErrorCode, isConnectionRefused } from './connection-error.js';
import { BodyTooLarge, readBodyCapped } from './read-body.js';
import { redactText, redactValue, safeHeaderValue } from './redact.js';

export interface HttpClientConfig {
  provider: ProviderName;
  /** Origin or API root without a trailing slash. */
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  maxRetries: number;
  userAgent: string;
  fetch: typeof fetch;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  logger?: ClientLogger;
  /** Largest response body read, in bytes (default 16 MiB). */
  maxResponseBytes?: number;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest<T> {
  method: HttpMethod;
  /** Built with the `path` template so parameters are encoded. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** Validates (and may transform) a 2xx body. */
  schema: z.ZodMiniType<T>;
  /**
   * Whether sending the request twice is harmless. Defaults to true except for POST.
   * A non-idempotent request is retried only when the server cannot have acted on it:
   * connection refused and 429. Never after a timeout, reset, 5xx or malformed 2xx.
   */
  idempotent?: boolean;
  options?: RequestOptions;
}

interface AttemptFailure {
  error: APIError;
  retryable: boolean;
  /** Server-requested delay, when it said. */
  delayMs?: number;
}

const RETRYABLE_STATUSES = new Set([408, 429]);
/** Far above any real evaluation page, far below what would hurt a CI runner or the editor. */
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/** The one request function every provider client uses: auth, JSON, retries, timeouts, error mapping. */
export class HttpClient {
  constructor(private readonly config: HttpClientConfig) {}

  get provider(): ProviderName {
    return this.config.provider;
  }

  async request<T>(request: HttpRequest<T>): Promise<T> {
    const { options = {} } = request;
    const maxRetries = options.maxRetries ?? this.config.maxRetries;
    const idempotent = request.idempotent ?? request.method !== 'POST';
    const url = this.buildUrl(request.path, request.query);
    const describe = `${this.config.provider} ${request.method} ${new URL(url).pathname}`;

    for (let retryIndex = 0; ; retryIndex++) {
      if (options.signal?.aborted) throw new AbortError(`${describe} was aborted`);
      const outcome = await this.attempt(request, url, describe, idempotent);
      if (outcome.ok) return outcome.value;
      const { failure } = outcome;
      if (!failure.retryable || retryIndex >= maxRetries) throw failure.error;
      const delay = failure.delayMs ?? backoffMs(retryIndex, this.config.random);
      this.config.logger?.warn(`${failure.error.message}; retrying in ${delay} ms (retry ${retryIndex + 1} of ${maxRetries})`);
      await this.config.sleep(delay, options.signal);
    }
  }

  private async attempt<T>(
    request: HttpRequest<T>,
    url: string,
    describe: string,
    idempotent: boolean,
  ): Promise<{ ok: true; value: T } | { ok: false; failure: AttemptFailure }> {
    const { options = {} } = request;
    const timeoutMs = options.timeoutMs ?? this.config.timeoutMs;
    const init: APIErrorInit = { provider: this.config.provider, method: request.method, path: new URL(url).pathname };
    const timeoutController = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      timeoutController.abort();
    }, timeoutMs);
    const signal = options.signal ? AbortSignal.any([timeoutController.signal, options.signal]) : timeoutController.signal;

    let response: Response;
    let text: string;
    try {
      response = await this.config.fetch(url, {
        method: request.method,
        headers: this.headers(request.body !== undefined),
        ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
        signal,
        // A redirect would re-send the request, body included, to wherever the response points: refuse it below.
        redirect: 'manual',
      });
      // The body read stays under the same per-attempt timeout, and under the size cap.
      text = await readBodyCapped(response, this.config.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES);
    } catch (error) {
      if (options.signal?.aborted) throw new AbortError(`${describe} was aborted`);
      if (error instanceof BodyTooLarge) {
        throw new ResponseTooLargeError(
          `${describe} returned a body larger than ${error.limit} bytes; the read was stopped (raise maxResponseBytes if this provider really sends more)`,
          init,
        );
      }
      if (timedOut) {
        return {
          ok: false,
          failure: { error: new TimeoutError(`${describe} timed out after ${timeoutMs} ms`, init), retryable: idempotent },
        };
      }
      const code = connectionErrorCode(error);
      const reason = code ? `connection error (${code})` : 'connection error';
      return {
        ok: false,
        failure: {
          error: new ConnectionError(`${describe} failed: ${reason}`, init),
          retryable: idempotent || isConnectionRefused(code),
        },
      };
    } finally {
      clearTimeout(timer);
    }

    // The header is the server's: bounded, printable and redacted before it reaches a log line or an error.
    const requestId = safeHeaderValue(response.headers.get('x-request-id'), this.config.apiKey);
    const withRequestId = { ...init, ...(requestId ? { requestId } : {}), status: response.status };
    const suffix = requestId ? ` (request ${requestId})` : '';
    this.config.logger?.debug(`${describe} → ${response.status}${suffix}`);

    if (response.status >= 300 && response.status < 400) {
      throw new RedirectError(
        redactText(
          `${describe} answered ${response.status} redirect${redirectTarget(response, url)}; evalgate does not follow redirects (they would re-send the request). Fix: set the base URL to the address that answers directly${suffix}`,
          this.config.apiKey,
        ),
        withRequestId,
      );
    }

    if (response.ok) {
      let json: unknown;
      try {
        json = text.trim() === '' ? undefined : JSON.parse(text);
      } catch {
        const error = new ResponseValidationError(`${describe} returned ${response.status} with a body that is not JSON${suffix}`, withRequestId);
        // A truncated or garbled body may be transient; re-sending is only safe when idempotent.
        return { ok: false, failure: { error, retryable: idempotent } };
      }
      const parsed = request.schema.safeParse(json);
      if (parsed.success) return { ok: true, value: parsed.data };
      const problems = parsed.error.issues
        .slice(0, 3)
        .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(body)'}: ${issue.message}`)
        .join('; ');
      throw new ResponseValidationError(
        redactText(`${describe} returned ${response.status} with an unexpected body: ${problems}${suffix}`, this.config.apiKey),
        { ...withRequestId, body: redactValue(json, this.config.apiKey) },
      );
    }

    let body: unknown = undefined;
    try {
      body = text.trim() === '' ? undefined : JSON.parse(text);
    } catch {
      body = text.slice(0, 500);
    }
    body = redactValue(body, this.config.apiKey);
    const parsedError = parseErrorBody(body);
    const ErrorClass = errorClassForStatus(response.status);
    const detail = parsedError.message ?? (typeof body === 'string' && body.trim() !== '' ? body.trim().slice(0, 200) : '');
    const message = redactText(`${describe} failed with ${response.status}${detail ? `: ${detail}` : ''}${suffix}`, this.config.apiKey);
    const delay = retryAfterMs(response.headers, this.config.now());
    const error = new ErrorClass(message, {
      ...withRequestId,
      body,
      details: parsedError.details,
      ...(delay !== undefined ? { retryAfterMs: delay } : {}),
    });
    return {
      ok: false,
      failure: {
        error,
        retryable: this.shouldRetryStatus(response, idempotent) && (delay === undefined || delay <= MAX_RETRY_AFTER_MS),
        ...(delay !== undefined ? { delayMs: delay } : {}),
      },
    };
  }

  private shouldRetryStatus(response: Response, idempotent: boolean): boolean {
    // A 429 means the server turned the request away before acting, so even a create may go again.
    if (response.status === 429) return true;
    if (!idempotent) return false;
    const hint = response.headers.get('x-should-retry');
    if (hint === 'true') return true;
    if (hint === 'false') return false;
    // 409 is retried only when the server says when: Prime and Nugen use 409 for state conflicts
    // ("already terminal"), which no amount of retrying fixes.
    if (response.status === 409) return response.headers.has('retry-after') || response.headers.has('retry-after-ms');
    return RETRYABLE_STATUSES.has(response.status) || response.status >= 500;
  }

  private headers(hasBody: boolean): Record<string, string> {
    return {
      authorization: `Bearer ${this.config.apiKey}`,
      accept: 'application/json',
      'user-agent': this.config.userAgent,
      ...(hasBody ? { 'content-type': 'application/json' } : {}),
    };
  }

  private buildUrl(path: string, query: HttpRequest<unknown>['query']): string {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) search.set(key, String(value));
    }
    const qs = search.toString();
    return `${this.config.baseUrl}${path}${qs ? `?${qs}` : ''}`;
  }
}

/** Where a redirect points, origin only (a Location may carry credentials or tokens), when it says. */
function redirectTarget(response: Response, requestUrl: string): string {
  const location = response.headers.get('location');
  if (!location) return '';
  try {
    return ` to ${new URL(location, requestUrl).origin}`;
  } catch {
    return '';
  }
}
