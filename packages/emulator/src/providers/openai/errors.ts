/** OpenAI error bodies: `{error:{message, type, param, code}}`. */
import { json, type Reply } from '../../http/reply.js';
import { dottedPath, type FieldIssue } from '../../zod-issues.js';
import type { ProviderErrors } from '../provider.js';

export function openaiError(
  status: number,
  message: string,
  type: string,
  code: string | null = null,
  param: string | null = null,
  headers?: Record<string, string>,
): Reply {
  return json(status, { error: { message, type, param, code } }, headers);
}

/** Invalid requests get 400 `invalid_request_error` naming the parameter, as the real API answers. */
export function openaiValidationError(issues: FieldIssue[]): Reply {
  const first = issues[0];
  const param = first ? dottedPath(first.path) : 'body';
  const message = issues.map((issue) => `Invalid value for '${dottedPath(issue.path)}': ${issue.message}`).join('; ');
  return openaiError(400, message, 'invalid_request_error', 'invalid_value', param);
}

export const openaiNotFound = (message: string): Reply => openaiError(404, message, 'invalid_request_error', 'not_found');

export const openaiErrors: ProviderErrors = {
  unauthorized: () => openaiError(401, 'Incorrect API key provided', 'invalid_request_error', 'invalid_api_key'),
  notFound: openaiNotFound,
  methodNotAllowed: () => openaiError(405, 'Method not allowed on this path', 'invalid_request_error'),
  rateLimited: (headers) => openaiError(429, 'Rate limit reached for requests', 'requests', 'rate_limit_exceeded', null, headers),
  serverError: (status) => openaiError(status, 'The server had an error while processing your request. Sorry about that!', 'server_error'),
};
