/** Masks secrets in text that leaves the process. */
export type Redact = (text: string) => string;

/**
 * Replaces every occurrence of each secret (4+ chars) with ***, also in its URL-encoded and JSON-escaped forms (a
 * provider may echo a key inside a report URL or a JSON string), so an echoed key never reaches a log, check or file.
 */
export function makeRedactor(secrets: Array<string | undefined>): Redact {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    forms.add(JSON.stringify(secret).slice(1, -1));
  }
  const values = [...forms].sort((a, b) => b.length - a.length);
  return (text) => values.reduce((result, secret) => result.split(secret).join('***'), text);
}

/** `value` with every string inside it (object values, array items) redacted; other values unchanged. */
export function redactDeep<T>(value: T, redact: Redact): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => redactDeep(item, redact)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactDeep(item, redact)])) as T;
  }
  return value;
}
