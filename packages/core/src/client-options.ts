import * as z from 'zod/mini';
import type { ClientOptions } from './domain/client.js';
import type { ProviderName } from './domain/evaluation.js';
import { providerDefinition, providerNames } from './providers/registry.js';
import { ConfigurationError } from './errors.js';
import { lazy } from './lazy.js';

const isFunction = (value: unknown): boolean => typeof value === 'function';

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Built on the first createClient (see lazy.ts). */
const clientOptionsSchema = lazy(() =>
  z.object({
    // Checked against the registry when parsing, so a test provider registered later is accepted too.
    provider: z.custom<ProviderName>((value) => typeof value === 'string' && (providerNames() as readonly string[]).includes(value)),
    apiKey: z.string().check(z.refine((key) => key.trim().length > 0)),
    baseUrl: z.optional(z.string().check(z.refine(isHttpUrl))),
    timeoutMs: z.optional(z.int().check(z.positive())),
    maxRetries: z.optional(z.int().check(z.gte(0), z.lte(20))),
    fetch: z.optional(z.custom<typeof fetch>(isFunction)),
    now: z.optional(z.custom<() => number>(isFunction)),
    sleep: z.optional(z.custom<(ms: number, signal?: AbortSignal) => Promise<void>>(isFunction)),
    random: z.optional(z.custom<() => number>(isFunction)),
    logger: z.optional(
      z.custom<NonNullable<ClientOptions['logger']>>(
        (value) =>
          typeof value === 'object' && value !== null && isFunction((value as { debug?: unknown }).debug) && isFunction((value as { warn?: unknown }).warn),
      ),
    ),
    userAgent: z.optional(z.string().check(z.minLength(1))),
    maxResponseBytes: z.optional(z.int().check(z.positive())),
    allowInsecureHttp: z.optional(z.boolean()),
  }),
);

// One fix per option, so the message tells the user what to do, not just what is wrong. Values are never echoed:
// the API key must not reach a log, and a base URL may carry credentials.
const FIXES: Record<string, string> = {
  get provider() {
    return `set provider to one of ${providerNames()
      .map((name) => `'${name}'`)
      .join(', ')}`;
  },
  apiKey: "pass the provider's API key (e.g. from a CI secret); it must be a non-empty string",
  baseUrl: 'pass an absolute http(s) URL such as https://api.openai.com/v1, or omit it for the provider default',
  timeoutMs: 'pass a positive integer number of milliseconds, or omit it (default 60000)',
  maxRetries: 'pass an integer from 0 to 20, or omit it (default 4)',
  fetch: 'pass a fetch-compatible function, or omit it',
  now: 'pass a function returning ms since epoch, or omit it',
  sleep: 'pass a function (ms, signal) => Promise<void>, or omit it',
  random: 'pass a function returning a number in [0, 1), or omit it',
  logger: 'pass an object with debug(message) and warn(message) methods, or omit it',
  userAgent: 'pass a non-empty string, or omit it',
  maxResponseBytes: 'pass a positive integer number of bytes, or omit it (default 16 MiB)',
  allowInsecureHttp: 'pass true or false, or omit it (default false)',
};

/** Loopback hosts never leave the machine, so plain http to them exposes no key. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export type ResolvedClientOptions = Required<Pick<ClientOptions, 'provider' | 'apiKey' | 'baseUrl'>> & ClientOptions;

/** Validates `createClient` options; throws a `ConfigurationError` naming the option and the fix. */
export function resolveClientOptions(options: unknown): ResolvedClientOptions {
  if (options === null || typeof options !== 'object') {
    throw new ConfigurationError('createClient needs an options object: { provider, apiKey, baseUrl? }');
  }
  const parsed = clientOptionsSchema().safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const option = String(issue?.path[0] ?? 'options');
    const missing = (options as Record<string, unknown>)[option] === undefined;
    throw new ConfigurationError(`Invalid client option "${option}": ${missing ? 'missing' : 'invalid value'}. Fix: ${FIXES[option] ?? 'check the value'}.`);
  }
  const data = parsed.data;
  if (data.baseUrl !== undefined && !data.allowInsecureHttp) {
    const url = new URL(data.baseUrl);
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
      throw new ConfigurationError(
        `Invalid client option "baseUrl": plain http to ${url.hostname} would send the API key in clear text. Fix: use an https:// URL, or pass allowInsecureHttp: true if the host is on a private network you trust (http is always allowed for loopback: 127.0.0.0/8, ::1, localhost).`,
      );
    }
  }
  const baseUrl = (data.baseUrl ?? providerDefinition(data.provider).defaultBaseUrl).replace(/\/+$/, '');
  return { ...data, baseUrl } as ResolvedClientOptions;
}
