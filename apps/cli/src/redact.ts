import type { OutputStream } from './io.js';

/** Secrets registered once known (the API key); every write through `wrap` has them replaced by ***. */
export class Redactor {
  private readonly secrets = new Set<string>();

  add(secret: string): void {
    // Very short values would redact ordinary words; a real key is never this short.
    if (secret.length >= 4) this.secrets.add(secret);
  }

  redact(text: string): string {
    let result = text;
    for (const secret of this.secrets) result = result.replaceAll(secret, '***');
    return result;
  }

  wrap(stream: OutputStream): OutputStream {
    return {
      write: (text: string) => stream.write(this.redact(text)),
      get isTTY() {
        return stream.isTTY;
      },
      get columns() {
        return stream.columns;
      },
    };
  }
}
