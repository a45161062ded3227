import * as z from 'zod/mini';
import type { Page } from '../domain/evaluation.js';
import { ConfigurationError } from '../errors.js';
import { lazy } from '../lazy.js';

/** Parses an ISO string or unix seconds into a Date; anything unreadable gives undefined rather than an Invalid Date. */
export function toDate(value: string | number | null | undefined): Date | undefined {
  if (value === null || value === undefined) return undefined;
  const date = typeof value === 'number' ? new Date(value * 1000) : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Keeps only string values: the domain's metadata is string → string. */
export function stringRecord(value: unknown): Record<string, string> | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const entries = Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** A record with its undefined-valued keys dropped: each key is absent or holds a defined value. */
export type DefinedOnly<T> = { [K in keyof T]?: Exclude<T[K], undefined> };

/** Drops keys whose value is undefined, so requests carry only what the caller set. */
export function definedOnly<T extends Record<string, unknown>>(value: T): DefinedOnly<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as DefinedOnly<T>;
}

/** The two field shapes every provider's wire schemas share, built with the first of them (see lazy.ts). */
export const nullables = lazy(() => ({ nullableString: z.nullish(z.string()), nullableNumber: z.nullish(z.number()) }));

/** The page size a caller asked for, checked against the provider's ceiling. */
export function pageSize(requested: number | undefined, fallback: number, max: number): number {
  if (requested === undefined) return fallback;
  if (!Number.isInteger(requested) || requested < 1 || requested > max) {
    throw new ConfigurationError(`pageSize must be an integer from 1 to ${max}; got ${String(requested)}`);
  }
  return requested;
}

/** An offset cursor ("50") back to a number. */
export function offsetCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const offset = Number(cursor);
  if (!/^\d+$/.test(cursor) || !Number.isSafeInteger(offset)) {
    throw new ConfigurationError(`cursor must be the nextCursor of a previous page (a non-negative integer); got "${cursor}"`);
  }
  return offset;
}

/**
 * One page of an offset-paged list (Prime, Nugen). The next cursor is the offset after these items; without a
 * reported total, a full page is taken to mean more may follow.
 */
export function offsetPageOf<T>(items: T[], offset: number, limit: number, reportedTotal: number | null | undefined): Page<T> {
  const next = offset + items.length;
  const total = reportedTotal ?? undefined;
  const more = total !== undefined ? next < total : items.length === limit;
  return { items, ...(more && items.length > 0 ? { nextCursor: String(next) } : {}), ...(total !== undefined ? { total } : {}) };
}

export function requireId(id: string, what = 'id'): string {
  if (typeof id !== 'string' || id.trim() === '') {
    throw new ConfigurationError(`${what} must be a non-empty string`);
  }
  return id;
}
