/** Removes every occurrence of the secret from text, in case a server echoes the API key back. */
export function redactText(text: string, secret: string): string {
  return secret.length > 0 ? text.split(secret).join('[redacted]') : text;
}

/** Same for a parsed JSON body: round-trips it through JSON so nested strings are covered too. */
export function redactValue(value: unknown, secret: string): unknown {
  if (value === undefined || secret.length === 0) return value;
  const json = JSON.stringify(value);
  if (json === undefined || !json.includes(secret)) return value;
  return JSON.parse(redactText(json, JSON.stringify(secret).slice(1, -1))) as unknown;
}
