// The gate's test hook: a provider registered through `@evalgate/gate/testing` brings its rows into the one settings
// table every host reads (between the shipped providers' rows and the trailing common rows), its parsing, its create
// request and its lost-create identity; unregistering takes them away again. The shipped providers are untouched.
import { registerTestProvider as registerInCore } from '@evalgate/core/testing';
import * as z from 'zod';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePendingCreate } from '../src/evaluation/lost-create.js';
import { createRequest } from '../src/evaluation/request.js';
import { checkSettings, parseSettings } from '../src/settings/parse.js';
import { gateSettingNames, gateSettings } from '../src/settings/table.js';
import { optionalText, registerTestProvider, setting, type GateProvider } from '../src/testing.js';

interface FakeRequest {
  provider: 'fake';
  suite: string;
  metadata: Record<string, string>;
}

interface FakeSettings {
  provider: 'fake';
  suite: string;
}

declare module '@evalgate/core/testing' {
  interface TestProviders {
    fake: FakeRequest;
  }
}

declare module '../src/testing.js' {
  interface TestProviders {
    fake: FakeSettings;
  }
}

const FAKE_SETTINGS = {
  'fake-suite': setting({ description: 'Fake: the suite to run.', required: false, secret: false, parse: optionalText }),
} as const;

const fakeTargetSchema = z.object({ provider: z.literal('fake'), suite: z.string() });

const fakeGate: GateProvider<FakeSettings, typeof FAKE_SETTINGS, z.infer<typeof fakeTargetSchema>> = {
  name: 'fake',
  settings: FAKE_SETTINGS,
  parseSettings: ({ values, require }) => {
    require('fake-suite', 'for provider fake (the suite to run)');
    const suite = values['fake-suite'];
    return suite === undefined ? undefined : { provider: 'fake', suite };
  },
  createRequest: (settings, _resolved, _name, tags) => ({ provider: 'fake', suite: settings.suite, metadata: tags.metadata }),
  listScope: () => ({}),
  lostCreate: {
    schema: fakeTargetSchema,
    targetOf: (request) => ({ provider: 'fake', suite: request.suite }),
    matches: (evaluation, target) => evaluation.benchmark === target.suite,
  },
};

/** Core's part: only its name matters here (the settings parser takes core's provider names as the choices). */
function registerFakeInCore(): () => void {
  return registerInCore({
    name: 'fake',
    label: 'Fake (test only)',
    defaultBaseUrl: 'https://fake.invalid',
    capabilities: { cancel: false, finalize: false, pushSamples: false, metadata: false, tags: false, groups: false, samples: false },
    statusTable: { statuses: {}, caseInsensitive: false },
    createClient: () => {
      throw new Error('no client in a settings test');
    },
  });
}

const KEY = 'fake-key-123456';
let undo: Array<() => void> = [];
afterEach(() => {
  undo.forEach((step) => step());
  undo = [];
});

function register(): void {
  undo.push(registerFakeInCore(), registerTestProvider(fakeGate));
}

function problemsOf(raw: Record<string, string>): string[] {
  return checkSettings(raw).problems.map((problem) => `Input "${problem.input}" ${problem.message}`);
}

describe('registerTestProvider (@evalgate/gate/testing)', () => {
  it('adds the provider’s rows to the table the parser and the hosts read, after the shipped providers’ rows', () => {
    const shipped = gateSettingNames();
    expect(shipped).not.toContain('fake-suite');
    register();
    const names = gateSettingNames();
    expect(names).toEqual([...shipped.slice(0, shipped.indexOf('min-avg-score')), 'fake-suite', ...shipped.slice(shipped.indexOf('min-avg-score'))]);
    expect(gateSettings()['fake-suite']?.description).toBe('Fake: the suite to run.');
  });

  it('parses the provider’s settings and builds its create request', () => {
    register();
    const settings = parseSettings({ provider: 'fake', 'api-key': KEY, 'fake-suite': ' smoke ' });
    expect(settings.provider).toBe('fake');
    expect(settings.settings).toEqual({ provider: 'fake', suite: 'smoke' });
    expect(createRequest({ settings: settings.settings }, 'run', { tags: [], metadata: { evalgate: '1' } })).toEqual({
      provider: 'fake',
      suite: 'smoke',
      metadata: { evalgate: '1' },
    });
    expect(problemsOf({ provider: 'fake', 'api-key': KEY })).toEqual(['Input "fake-suite" is required for provider fake (the suite to run)']);
  });

  it('refuses a row of another provider with the existing message, both ways', () => {
    register();
    expect(problemsOf({ provider: 'fake', 'api-key': KEY, 'fake-suite': 'smoke', 'eval-id': 'eval_1' })).toEqual([
      'Input "eval-id" only applies to provider openai; remove it or set provider: openai',
    ]);
    expect(problemsOf({ provider: 'nugen', 'api-key': KEY, 'model-id': 'm', 'benchmark-id': 'b', 'fake-suite': 'smoke' })).toEqual([
      'Input "fake-suite" only applies to provider fake; remove it or set provider: fake',
    ]);
  });

  it('reads back a saved create target of the provider with its own schema', () => {
    register();
    expect(parsePendingCreate(JSON.stringify({ since: 1, target: { provider: 'fake', suite: 'smoke' } }))).toEqual({
      since: 1,
      target: { provider: 'fake', suite: 'smoke' },
    });
    expect(parsePendingCreate(JSON.stringify({ since: 1, target: { provider: 'fake', suite: 7 } }))).toBeUndefined();
  });

  it('unregistering removes the rows, the provider and its targets again', () => {
    register();
    undo.forEach((step) => step());
    undo = [];
    expect(gateSettingNames()).not.toContain('fake-suite');
    expect(problemsOf({ provider: 'fake', 'api-key': KEY })).toEqual(['Input "provider" must be one of prime | openai | nugen (got "fake")']);
    expect(parsePendingCreate(JSON.stringify({ since: 1, target: { provider: 'fake', suite: 'smoke' } }))).toBeUndefined();
  });

  it('refuses a second provider of the same name, and a row another provider or the common table has', () => {
    register();
    expect(() => registerTestProvider(fakeGate)).toThrow("A gate provider named 'fake' is already registered");
    const clashing = { ...fakeGate, name: 'other', settings: { 'eval-id': FAKE_SETTINGS['fake-suite'] } } as unknown as typeof fakeGate;
    expect(() => registerTestProvider(clashing)).toThrow("Gate provider 'other' declares setting 'eval-id', which the settings table already has");
    const common = { ...fakeGate, name: 'other', settings: { baseline: FAKE_SETTINGS['fake-suite'] } } as unknown as typeof fakeGate;
    expect(() => registerTestProvider(common)).toThrow("Gate provider 'other' declares setting 'baseline', which the settings table already has");
    expect(gateSettingNames().filter((name) => name === 'eval-id' || name === 'baseline')).toEqual(['eval-id', 'baseline']);
  });
});
