import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  ConnectionError,
  isTransientError,
  NotFoundError,
  RateLimitError,
  ResponseValidationError,
  ServerError,
  TimeoutError,
  UnprocessableEntityError,
} from '../src/index.js';

const init = { provider: 'prime' as const };

describe('isTransientError', () => {
  it('is true for failures a later attempt may not meet', () => {
    for (const error of [
      new ConnectionError('reset', init),
      new TimeoutError('slow', init),
      new RateLimitError('429', init),
      new ServerError('503', init),
      new ResponseValidationError('garbled', init),
    ]) {
      expect(isTransientError(error), error.name).toBe(true);
    }
  });

  it('is false for failures that will not fix themselves', () => {
    for (const error of [
      new AuthenticationError('401', init),
      new NotFoundError('404', init),
      new UnprocessableEntityError('422', init),
      new Error('plain'),
      'a string',
    ]) {
      expect(isTransientError(error), String(error)).toBe(false);
    }
  });
});
