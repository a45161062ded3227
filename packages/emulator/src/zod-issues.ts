/** Turns zod issues into the field paths and messages that provider error bodies carry. */
import type { z } from 'zod';

export interface FieldIssue {
  path: Array<string | number>;
  message: string;
  code: string;
}

export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((part) => (typeof part === 'number' ? part : String(part)));
    // zod reports an absent field as a type error; say it the way FastAPI and OpenAI do.
    if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
      return { path, message: 'Field required', code: 'missing' };
    }
    return { path, message: issue.message, code: issue.code };
  });
}

export const dottedPath = (path: ReadonlyArray<string | number>): string => (path.length === 0 ? 'body' : path.join('.'));

/** One line naming each bad field, for errors thrown at callers of the control API. */
export function describeZodError(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'value'}: ${issue.message}`).join('; ');
}

/** Parses or throws an Error that says what was being parsed and which fields are wrong. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new TypeError(`invalid ${what}: ${describeZodError(result.error)}`);
  return result.data;
}
