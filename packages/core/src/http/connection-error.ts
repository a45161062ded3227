/** The system error code (ECONNREFUSED, ECONNRESET, UND_ERR_SOCKET, ...) somewhere in a fetch error's cause chain. */
export function connectionErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const nested = (current as { errors?: unknown }).errors;
    if (Array.isArray(nested) && nested.length > 0) {
      current = nested[0];
      continue;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Refused means the server never saw the request, so even a non-idempotent one is safe to send again. */
export function isConnectionRefused(code: string | undefined): boolean {
  return code === 'ECONNREFUSED';
}
