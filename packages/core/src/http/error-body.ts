import * as z from 'zod/mini';
import { lazy } from '../lazy.js';

export interface ParsedErrorBody {
  message?: string;
  details: Array<{ param?: string; message: string }>;
}

/** Built on the first error body (see lazy.ts). */
const errorShapes = lazy(() => ({
  primeErrors: z.object({
    errors: z.array(z.looseObject({ param: z.optional(z.unknown()), details: z.optional(z.unknown()) })),
  }),
  openAIError: z.object({
    error: z.looseObject({ message: z.nullish(z.string()), param: z.nullish(z.string()), code: z.optional(z.unknown()) }),
  }),
  fastAPIDetail: z.object({
    detail: z.union([z.string(), z.array(z.looseObject({ loc: z.optional(z.array(z.union([z.string(), z.number()]))), msg: z.optional(z.unknown()) }))]),
  }),
}));

/**
 * Reads the three providers' error shapes: Prime `{errors:[{param,details}]}`, OpenAI
 * `{error:{message,param}}` and FastAPI `{detail: string | [{loc,msg}]}`. Anything else yields no message.
 */
export function parseErrorBody(body: unknown): ParsedErrorBody {
  const { primeErrors, openAIError, fastAPIDetail } = errorShapes();
  const prime = primeErrors.safeParse(body);
  if (prime.success && prime.data.errors.length > 0) {
    const details = prime.data.errors.map((entry) => ({
      ...(typeof entry.param === 'string' ? { param: entry.param } : {}),
      message: typeof entry.details === 'string' ? entry.details : JSON.stringify(entry.details ?? entry),
    }));
    return { message: joinDetails(details), details };
  }
  const openai = openAIError.safeParse(body);
  if (openai.success) {
    const { message, param } = openai.data.error;
    const details = message ? [{ ...(param ? { param } : {}), message }] : [];
    return { ...(message ? { message } : {}), details };
  }
  const fastapi = fastAPIDetail.safeParse(body);
  if (fastapi.success) {
    const { detail } = fastapi.data;
    if (typeof detail === 'string') return { message: detail, details: [{ message: detail }] };
    const details = detail.map((entry) => {
      // FastAPI prefixes the location with where it came from ("body", "query"); the field name is what helps.
      const loc = (entry.loc ?? []).filter((part, index) => !(index === 0 && ['body', 'query', 'path'].includes(String(part))));
      return {
        ...(loc.length > 0 ? { param: loc.join('.') } : {}),
        message: typeof entry.msg === 'string' ? entry.msg : JSON.stringify(entry.msg ?? entry),
      };
    });
    return { ...(details.length > 0 ? { message: joinDetails(details) } : {}), details };
  }
  return { details: [] };
}

function joinDetails(details: Array<{ param?: string; message: string }>): string {
  return details.map((d) => (d.param ? `${d.param}: ${d.message}` : d.message)).join('; ');
}
