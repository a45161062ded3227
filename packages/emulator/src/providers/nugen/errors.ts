/** Nugen (FastAPI) error bodies: `{detail}` and, for validation, `{detail:[{loc, msg, type}]}`. */
import { json, type Reply } from '../../http/reply.js';
import type { FieldIssue } from '../../zod-issues.js';
import type { ProviderErrors } from '../provider.js';

export const nugenDetail = (status: number, detail: string): Reply => json(status, { detail });

const FASTAPI_TYPES: Record<string, string> = {
  invalid_type: 'type_error',
  missing: 'missing',
  json_invalid: 'json_invalid',
};

export const nugenValidationError = (issues: FieldIssue[], location: 'body' | 'query' = 'body'): Reply =>
  json(422, {
    detail: issues.map((issue) => ({
      loc: [location, ...issue.path],
      msg: issue.message,
      type: FASTAPI_TYPES[issue.code] ?? 'value_error',
    })),
  });

export const nugenErrors: ProviderErrors = {
  unauthorized: () => nugenDetail(401, 'Not authenticated'),
  notFound: (message) => nugenDetail(404, message),
  methodNotAllowed: () => nugenDetail(405, 'Method Not Allowed'),
  rateLimited: (headers) => json(429, { detail: 'Rate limit exceeded' }, headers),
  serverError: (status) => nugenDetail(status, 'Internal Server Error'),
};
