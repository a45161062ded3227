import { ConfigurationError } from '@evalgate/core';
import { envName, flagName } from '@evalgate/gate';
import { describe, expect, it } from 'vitest';
import { describeProblems, parseSome, resolveRaw } from '../src/settings/raw-settings.js';

describe('settings precedence: flag > env > config file > default', () => {
  const config = {
    file: 'evalgate.config.yaml',
    values: { 'min-avg-score': 0.3, 'timeout-minutes': 5, environments: ['gsm8k', 'math@2'], 'eval-config': { env_args: { split: 'test' } } },
  };

  it('takes each setting from the first source that has it', () => {
    const resolution = resolveRaw({
      flags: { 'min-avg-score': '0.9', 'allow-insecure-http': true },
      env: { EVALGATE_MIN_AVG_SCORE: '0.6', EVALGATE_TIMEOUT_MINUTES: '7' },
      config,
    });
    expect(resolution.raw).toMatchObject({ 'min-avg-score': '0.9', 'timeout-minutes': '7', 'allow-insecure-http': 'true' });
    expect(resolution.sources).toMatchObject({ 'min-avg-score': 'flag', 'timeout-minutes': 'env', 'allow-insecure-http': 'flag' });
    const values = parseSome(resolution, ['min-avg-score', 'timeout-minutes', 'poll-interval-seconds', 'min-min-score']);
    expect(values).toEqual({ 'min-avg-score': 0.9, 'timeout-minutes': 7, 'poll-interval-seconds': 10, 'min-min-score': undefined });
  });

  it('uses the config file when neither a flag nor a variable is set (an empty variable counts as unset); lists and mappings become text', () => {
    const resolution = resolveRaw({ flags: {}, env: { EVALGATE_MIN_AVG_SCORE: '  ' }, config });
    expect(resolution.raw['min-avg-score']).toBe('0.3');
    expect(resolution.sources['min-avg-score']).toBe('config');
    expect(resolution.raw.environments).toBe('gsm8k,math@2');
    expect(JSON.parse(resolution.raw['eval-config'] ?? '')).toEqual({ env_args: { split: 'test' } });
  });

  it('names where a bad value came from', () => {
    const fromEnv = resolveRaw({ flags: {}, env: { EVALGATE_MIN_AVG_SCORE: 'high' } });
    expect(() => parseSome(fromEnv, ['min-avg-score'])).toThrow(ConfigurationError);
    expect(() => parseSome(fromEnv, ['min-avg-score'])).toThrow(/^EVALGATE_MIN_AVG_SCORE must be a number/);
    const fromConfig = resolveRaw({ flags: {}, env: {}, config: { file: 'ci/evalgate.json', values: { 'timeout-minutes': 0 } } });
    expect(() => parseSome(fromConfig, ['timeout-minutes'])).toThrow(/^key "timeout-minutes" in ci\/evalgate.json must be a number/);
    const fromFlag = resolveRaw({ flags: { provider: 'azure' }, env: {} });
    expect(() => parseSome(fromFlag, ['provider'])).toThrow(/^--provider must be one of prime \| openai \| nugen/);
  });

  it('says every way to give a missing setting, and never suggests the config file for the key', () => {
    const resolution = resolveRaw({ flags: {}, env: {} });
    expect(describeProblems([{ input: 'environments', message: 'is required for a hosted prime evaluation' }], resolution)).toBe(
      '--environments (or EVALGATE_ENVIRONMENTS, or "environments" in evalgate.config.yaml) is required for a hosted prime evaluation.',
    );
    expect(describeProblems([{ input: 'api-key', message: 'is required (the prime API key)' }], resolution)).toBe(
      'No API key given. Fix: set EVALGATE_API_KEY (e.g. from a CI secret), or pass --api-key.',
    );
  });

  it('derives the flag and the variable from the Action input name', () => {
    expect(flagName('min-avg-score')).toBe('--min-avg-score');
    expect(envName('min-avg-score')).toBe('EVALGATE_MIN_AVG_SCORE');
  });
});
