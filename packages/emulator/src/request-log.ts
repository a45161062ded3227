/** The log of every provider request, in arrival order, for tests that count calls or check back-off. */
import type { Provider } from './types.js';

export interface RequestLogEntry {
  /** Emulator clock when the request arrived (ms). */
  at: number;
  method: string;
  /** Path with query string. */
  path: string;
  provider: Provider | null;
  /** HTTP status sent; 0 when the connection was reset instead. */
  status: number;
  requestId: string;
}

export class RequestLog {
  entries: RequestLogEntry[] = [];
  private counter = 0;

  nextRequestId(): string {
    this.counter++;
    return `req_${this.counter}`;
  }

  record(entry: RequestLogEntry): RequestLogEntry {
    this.entries.push(entry);
    return entry;
  }

  clear(): void {
    this.entries = [];
  }
}
