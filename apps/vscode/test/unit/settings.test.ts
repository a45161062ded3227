import { describe, expect, it } from 'vitest';
import { connectionIdOf, parseSettings, validateConnectionEntry } from '../../src/logic/settings.js';

describe('parseSettings', () => {
  it('uses the defaults when nothing is set', () => {
    const settings = parseSettings({ connections: undefined, pollIntervalSeconds: undefined, notifyOnFinish: undefined });
    expect(settings).toEqual({
      connections: [],
      pollIntervalMs: 5_000,
      backgroundPollIntervalMs: 60_000,
      notifyOnFinish: true,
      problems: [],
      connectionsInvalid: false,
    });
  });

  it('parses connections, trims trailing slashes, derives ids and ignores unknown keys', () => {
    const settings = parseSettings({
      connections: [
        { provider: 'prime', baseUrl: 'http://127.0.0.1:4010/', label: ' emulator ', color: 'red' },
        { id: 'oa', provider: 'openai', baseUrl: 'https://api.openai.com/v1' },
      ],
      pollIntervalSeconds: 2.5,
      notifyOnFinish: false,
    });
    expect(settings.problems).toEqual([]);
    expect(settings.connections).toEqual([
      { id: 'prime@http://127.0.0.1:4010', provider: 'prime', baseUrl: 'http://127.0.0.1:4010', label: 'emulator' },
      { id: 'oa', provider: 'openai', baseUrl: 'https://api.openai.com/v1' },
    ]);
    expect(settings.pollIntervalMs).toBe(2_500);
    expect(settings.notifyOnFinish).toBe(false);
  });

  it('keeps the valid entries and names each bad one with its field and the fix', () => {
    const settings = parseSettings({
      connections: [
        { provider: 'primex', baseUrl: 'http://127.0.0.1:4010' },
        { provider: 'nugen', baseUrl: 'ftp://example.com' },
        'prime',
        { provider: 'nugen', baseUrl: 'http://127.0.0.1:4010' },
        { provider: 'nugen', baseUrl: 'http://127.0.0.1:4010/' },
      ],
      pollIntervalSeconds: 5,
      notifyOnFinish: true,
    });
    expect(settings.connections.map((connection) => connection.id)).toEqual(['nugen@http://127.0.0.1:4010']);
    expect(settings.connectionsInvalid).toBe(false);
    expect(settings.problems).toHaveLength(4);
    expect(settings.problems[0]).toMatch(/^evalgate\.connections\[0\]\.provider must be one of "prime", "openai", "nugen"/);
    expect(settings.problems[1]).toMatch(/^evalgate\.connections\[1\]\.baseUrl must be an http\(s\) URL/);
    expect(settings.problems[2]).toMatch(/^evalgate\.connections\[2\] must be an object with "provider" and "baseUrl"/);
    expect(settings.problems[3]).toMatch(/^evalgate\.connections\[4\] repeats the connection "nugen@http:\/\/127\.0\.0\.1:4010"/);
    for (const problem of settings.problems) expect(problem).toContain('settings.json');
  });

  it('flags connections that are all invalid, and a non-array', () => {
    const allBad = parseSettings({ connections: [{ provider: 'prime' }], pollIntervalSeconds: undefined, notifyOnFinish: undefined });
    expect(allBad.connectionsInvalid).toBe(true);
    expect(allBad.problems[0]).toMatch(/^evalgate\.connections\[0\]\.baseUrl /);
    const notArray = parseSettings({ connections: { provider: 'prime' }, pollIntervalSeconds: undefined, notifyOnFinish: undefined });
    expect(notArray.connectionsInvalid).toBe(true);
    expect(notArray.problems[0]).toMatch(/^evalgate\.connections must be an array/);
  });

  it('falls back to the default poll interval and notification setting, saying so', () => {
    for (const bad of [0, -1, 4000, '5', Number.NaN]) {
      const settings = parseSettings({ connections: [], pollIntervalSeconds: bad, notifyOnFinish: 'yes' });
      expect(settings.pollIntervalMs).toBe(5_000);
      expect(settings.notifyOnFinish).toBe(true);
      expect(settings.problems[0]).toMatch(/^evalgate\.pollIntervalSeconds must be a number of seconds from 1 to 3600 .*using 5/);
      expect(settings.problems[1]).toMatch(/^evalgate\.notifyOnFinish must be true or false \(got "yes"\); using true/);
    }
  });
});

describe('checking one new connection entry', () => {
  it('gives the id a valid entry gets and no problems', () => {
    const entry = { provider: 'openai', baseUrl: 'http://127.0.0.1:4010/v1/' };
    expect(validateConnectionEntry(entry)).toEqual([]);
    expect(connectionIdOf(entry)).toBe('openai@http://127.0.0.1:4010/v1');
    expect(connectionIdOf({ id: 'mine', provider: 'prime', baseUrl: 'https://x' })).toBe('mine');
  });

  it('names the bad field of an invalid entry, and gives it no id', () => {
    const entry = { provider: 'prime', baseUrl: 'not a url' };
    expect(validateConnectionEntry(entry)).toEqual([
      'connection.baseUrl must be an http(s) URL, e.g. "https://api.primeintellect.ai" (the emulator: "http://127.0.0.1:4010", OpenAI: ".../v1").',
    ]);
    expect(connectionIdOf(entry)).toBeUndefined();
  });
});

describe('base URLs carry the API key: https, or http on loopback only', () => {
  it('accepts https anywhere and http on 127.0.0.0/8, ::1 and localhost', () => {
    for (const baseUrl of ['https://api.primeintellect.ai', 'http://127.0.0.1:4010', 'http://127.1.2.3', 'http://[::1]:4010', 'http://localhost:4010/v1']) {
      expect(validateConnectionEntry({ provider: 'prime', baseUrl }), baseUrl).toEqual([]);
    }
  });

  it('refuses plain http to another host, saying why and what is allowed', () => {
    for (const baseUrl of ['http://api.primeintellect.ai', 'http://10.0.0.5:4010', 'http://127.0.0.1.evil.example']) {
      const [problem] = validateConnectionEntry({ provider: 'prime', baseUrl });
      expect(problem, baseUrl).toMatch(/^connection\.baseUrl must use https:\/\/ for .*unencrypted.*127\.0\.0\.1\/localhost/);
    }
  });

  it('refuses credentials in the URL', () => {
    expect(validateConnectionEntry({ provider: 'prime', baseUrl: 'https://user:secret@api.example' })[0]).toMatch(/user name or password/);
  });
});

describe('background polling interval', () => {
  const parse = (value: unknown) => parseSettings({ connections: [], pollIntervalSeconds: 5, backgroundPollIntervalSeconds: value, notifyOnFinish: true });

  it('is 60 s by default, off at 0, and takes 10..3600 seconds', () => {
    expect(parse(undefined).backgroundPollIntervalMs).toBe(60_000);
    expect(parse(0).backgroundPollIntervalMs).toBeUndefined();
    expect(parse(300).backgroundPollIntervalMs).toBe(300_000);
  });

  it('falls back to 60 s for a bad value, naming the setting and the range', () => {
    for (const bad of [5, -1, 4000, '60']) {
      const settings = parse(bad);
      expect(settings.backgroundPollIntervalMs).toBe(60_000);
      expect(settings.problems[0]).toMatch(/^evalgate\.backgroundPollIntervalSeconds must be 0 .* or a number of seconds from 10 to 3600 .*using 60/);
    }
  });
});
