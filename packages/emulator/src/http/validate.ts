/** Validates a request body or query against a zod schema, returning either the data or the issues. */
import type { z } from 'zod';
import { fieldIssues, type FieldIssue } from '../zod-issues.js';
import type { RequestBody } from './body.js';

export type Validated<T> = { ok: true; data: T } | { ok: false; issues: FieldIssue[] };

/** `emptyAs` is what an absent body means (undefined makes it a "body: Field required" issue). */
export function validateBody<S extends z.ZodType>(schema: S, body: RequestBody, emptyAs?: unknown): Validated<z.infer<S>> {
  if (body.kind === 'invalid') return { ok: false, issues: [{ path: [], message: body.message, code: 'json_invalid' }] };
  if (body.kind === 'empty' && emptyAs === undefined) {
    return { ok: false, issues: [{ path: [], message: 'Field required: send a JSON body', code: 'missing' }] };
  }
  return validateValue(schema, body.kind === 'json' ? body.value : emptyAs);
}

export function validateValue<S extends z.ZodType>(schema: S, value: unknown): Validated<z.infer<S>> {
  const result = schema.safeParse(value);
  return result.success ? { ok: true, data: result.data } : { ok: false, issues: fieldIssues(result.error) };
}

/** Query parameters as a plain object (first value wins). */
export const queryObject = (query: URLSearchParams): Record<string, string> => Object.fromEntries(query.entries());
