import { ConfigurationError } from '@evalgate/core';
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../src/settings/resolve.js';
import { envOf, flagOf, SETTINGS } from '../src/settings/table.js';

describe('settings precedence: flag > env > config > default', () => {
  const config = { file: 'evalgate.config.yaml', values: { 'min-avg-score': 0.3, 'timeout-minutes': 5 } };

  it('takes each setting from the first source that has it', () => {
    const resolved = resolveSettings({ flags: { 'min-avg-score': '0.9' }, env: { EVALGATE_MIN_AVG_SCORE: '0.6', EVALGATE_TIMEOUT_MINUTES: '7' }, config });
    expect(resolved.values['min-avg-score']).toBe(0.9);
    expect(resolved.sources['min-avg-score']).toBe('flag');
    expect(resolved.values['timeout-minutes']).toBe(7);
    expect(resolved.sources['timeout-minutes']).toBe('env');
    expect(resolved.values['poll-interval-seconds']).toBe(10);
    expect(resolved.sources['poll-interval-seconds']).toBe('default');
    expect(resolved.values['min-min-score']).toBeUndefined();
  });

  it('uses the config file when neither a flag nor a variable is set; an empty variable counts as unset', () => {
    const resolved = resolveSettings({ flags: {}, env: { EVALGATE_MIN_AVG_SCORE: '  ' }, config });
    expect(resolved.values['min-avg-score']).toBe(0.3);
    expect(resolved.sources['min-avg-score']).toBe('config');
  });

  it('names the source and the fix of a bad value, and never echoes a secret', () => {
    expect(() => resolveSettings({ flags: {}, env: { EVALGATE_MIN_AVG_SCORE: 'high' } })).toThrow(/Invalid value for EVALGATE_MIN_AVG_SCORE .*Fix: use a number from 0 to 1/);
    expect(() => resolveSettings({ flags: {}, env: {}, config: { file: 'ci/evalgate.json', values: { 'timeout-minutes': 0 } } })).toThrow(
      /Invalid value for key "timeout-minutes" in ci\/evalgate.json/,
    );
    expect(() => resolveSettings({ flags: { provider: 'azure' }, env: {} })).toThrow(ConfigurationError);
    let message = '';
    try {
      resolveSettings({ flags: { 'api-key': '   ' }, env: {} });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('Invalid value for --api-key');
  });

  it('parses numbers strictly and booleans as true/false only', () => {
    expect(() => resolveSettings({ flags: { 'min-avg-score': '0.5abc' }, env: {} })).toThrow(/--min-avg-score/);
    expect(resolveSettings({ flags: {}, env: { EVALGATE_ALLOW_INSECURE_HTTP: 'true' } }).values['allow-insecure-http']).toBe(true);
    expect(() => resolveSettings({ flags: {}, env: { EVALGATE_ALLOW_INSECURE_HTTP: 'yes' } })).toThrow(/EVALGATE_ALLOW_INSECURE_HTTP/);
  });

  it('derives the flag and the variable from the Action input name', () => {
    expect(flagOf('min-avg-score')).toBe('--min-avg-score');
    expect(envOf('min-avg-score')).toBe('EVALGATE_MIN_AVG_SCORE');
    expect(SETTINGS.map((spec) => spec.name)).toEqual(expect.arrayContaining(['provider', 'api-key', 'base-url', 'min-avg-score', 'min-min-score', 'timeout-minutes', 'poll-interval-seconds']));
  });
});
