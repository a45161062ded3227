/** Removes every occurrence of the secret from text, in case a server echoes the API key back. */
export function redactText(text: string, secret: string): string {
  return secret.length > 0 ? text.split(secret).join('[redacted]') : text;
}

/** Deeper structures are cut here: a hostile body must not exhaust the stack of whoever walks or prints it. */
export const MAX_REDACT_DEPTH = 64;
const TOO_DEEP = '[nested too deep]';

/**
 * A copy of a parsed JSON body with the secret removed from every string (keys included), nested at most
 * `MAX_REDACT_DEPTH` levels deep; never throws, however deep the input.
 */
export function redactValue(value: unknown, secret: string): unknown {
  return copyRedacted(value, secret, 0);
}

function copyRedacted(value: unknown, secret: string, depth: number): unknown {
  if (typeof value === 'string') return redactText(value, secret);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_REDACT_DEPTH) return TOO_DEEP;
  if (Array.isArray(value)) return value.map((item) => copyRedacted(item, secret, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    copy[redactText(key, secret)] = copyRedacted(item, secret, depth + 1);
  }
  return copy;
}

/** A response header shown in logs and errors (e.g. `x-request-id`): printable, bounded and without the secret. */
export function safeHeaderValue(value: string | null, secret: string): string | undefined {
  if (value === null) return undefined;
  const cleaned = redactText(value, secret)
    .replace(/[^\w.:@/+=-]/g, '')
    .slice(0, 128);
  return cleaned === '' ? undefined : cleaned;
}
