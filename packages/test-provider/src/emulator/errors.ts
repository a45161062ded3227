import { json, type ProviderErrors, type Reply } from '@evalgate/emulator/testing';

export const acmeError = (status: number, message: string): Reply => json(status, { error: { message } });

export const acmeErrors: ProviderErrors = {
  unauthorized: () => acmeError(401, 'missing or wrong key'),
  notFound: (message) => acmeError(404, message),
  methodNotAllowed: () => acmeError(405, 'method not allowed'),
  rateLimited: (headers) => json(429, { error: { message: 'slow down' } }, headers),
  serverError: (status) => acmeError(status, 'internal error'),
};
