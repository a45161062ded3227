/** Prime Intellect (FastAPI) error bodies: `{detail}` and, for validation, `{errors:[{param, details}]}`. */
import { json, type Reply } from '../../http/reply.js';
import { dottedPath, type FieldIssue } from '../../zod-issues.js';
import type { ProviderErrors } from '../provider.js';

export const primeDetail = (status: number, detail: string): Reply => json(status, { detail });

export const primeValidationError = (issues: FieldIssue[]): Reply =>
  json(422, { errors: issues.map((issue) => ({ param: dottedPath(issue.path), details: issue.message })) });

export const primeErrors: ProviderErrors = {
  unauthorized: () => primeDetail(401, 'Not authenticated'),
  notFound: (message) => primeDetail(404, message),
  methodNotAllowed: () => primeDetail(405, 'Method Not Allowed'),
  rateLimited: (headers) => json(429, { detail: 'Rate limit exceeded' }, headers),
  serverError: (status) => primeDetail(status, 'Internal Server Error'),
};
