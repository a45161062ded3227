import { describe, expect, it } from 'vitest';
import { ConfigurationError, createClient, providers } from '../src/index.js';

describe('createClient options', () => {
  it.each([
    [{ provider: 'acme', apiKey: 'k' }, 'provider', "one of 'prime', 'openai', 'nugen'"],
    [{ provider: 'prime' }, 'apiKey', 'missing'],
    [{ provider: 'prime', apiKey: '   ' }, 'apiKey', 'non-empty'],
    [{ provider: 'openai', apiKey: 'k', baseUrl: 'ftp://x' }, 'baseUrl', 'http(s) URL'],
    [{ provider: 'openai', apiKey: 'k', baseUrl: 'not a url' }, 'baseUrl', 'http(s) URL'],
    [{ provider: 'nugen', apiKey: 'k', timeoutMs: -1 }, 'timeoutMs', 'positive integer'],
    [{ provider: 'nugen', apiKey: 'k', fetch: 'nope' }, 'fetch', 'fetch-compatible'],
  ])('rejects %j naming the option and the fix', (options, option, fix) => {
    const error = (() => {
      try {
        createClient(options as never);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain(`"${option}"`);
    expect((error as Error).message).toContain(fix);
  });

  it('never echoes a rejected option value', () => {
    expect(() => createClient({ provider: 'prime', apiKey: 'k', baseUrl: 'ftp://user:hunter2@host' })).toThrow(/^(?!.*hunter2)/);
  });

  it('applies the provider default base URL and strips a trailing slash', () => {
    expect(createClient({ provider: 'openai', apiKey: 'k' }).baseUrl).toBe('https://api.openai.com/v1');
    expect(providers().find((provider) => provider.name === 'openai')?.defaultBaseUrl).toBe('https://api.openai.com/v1');
    expect(createClient({ provider: 'prime', apiKey: 'k', baseUrl: 'http://127.0.0.1:9/' }).baseUrl).toBe('http://127.0.0.1:9');
  });

  it('builds the client of the chosen provider with its capabilities', () => {
    expect(createClient({ provider: 'prime', apiKey: 'k' }).capabilities).toEqual({
      cancel: true,
      finalize: true,
      pushSamples: true,
      metadata: true,
      tags: true,
      groups: false,
      samples: true,
    });
    expect(createClient({ provider: 'openai', apiKey: 'k' }).capabilities).toMatchObject({ metadata: true, tags: false, groups: true });
    expect(createClient({ provider: 'openai', apiKey: 'k' }).capabilities.cancel).toBe(true);
    const nugen = createClient({ provider: 'nugen', apiKey: 'k' });
    expect(nugen.provider).toBe('nugen');
    expect(nugen.capabilities).toMatchObject({ cancel: false, metadata: false, tags: false });
  });
});
