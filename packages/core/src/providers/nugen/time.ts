import { toDate } from '../wire-helpers.js';

/** An ISO date-time with nothing after the seconds: no `Z`, no `+hh:mm`. */
const ISO_LOCAL = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * Nugen timestamps are ISO strings, one documented example without an offset ("2026-03-10T10:43:12.826791"):
 * without one they are read as UTC (X-2; an assumption), never as the runner's local time.
 */
export function nugenTime(value: string | null | undefined): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (ISO_LOCAL.test(trimmed)) {
    // Microseconds go beyond what Date promises to parse; milliseconds are enough.
    return toDate(`${trimmed.replace(' ', 'T').replace(/(\.\d{3})\d+$/, '$1')}Z`);
  }
  return toDate(trimmed);
}
