// A provider registered by a test (core's part through @evalgate/core/testing, the gate's through
// @evalgate/gate/testing) is read by the Action's input reader like a shipped one: its rows are read through the
// runner's getter and parsed by its gate part, with no change to the Action.
import { registerTestProvider as registerInCore } from '@evalgate/core/testing';
import { optionalText, registerTestProvider, setting, type AnyGateProvider, type SettingsCheck } from '@evalgate/gate/testing';
import * as z from 'zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseInputs } from '../../src/inputs/parse.js';
import { readRawInputs } from '../../src/inputs/read.js';

interface RelayRequest {
  provider: 'relay';
  suite: string;
}

interface RelaySettings {
  provider: 'relay';
  suite: string;
}

const RELAY_SETTINGS = {
  'relay-suite': setting({ description: 'Relay: the suite to run.', required: false, secret: false, parse: optionalText }),
} as const;

const relayTarget = z.object({ provider: z.literal('relay'), suite: z.string() });

// Typed loosely on purpose: adding 'relay' to core's ProviderName here (declare module) would ask every typed table of
// the Action's tests (the emulator's base URLs among them) to know it; the gate's registry takes it at run time.
const relayGate = {
  name: 'relay',
  settings: RELAY_SETTINGS,
  parseSettings: ({ values, require }: SettingsCheck<typeof RELAY_SETTINGS>): RelaySettings | undefined => {
    require('relay-suite', 'for provider relay (the suite to run)');
    const suite = values['relay-suite'];
    return suite === undefined ? undefined : { provider: 'relay', suite };
  },
  createRequest: (settings: RelaySettings): RelayRequest => ({ provider: 'relay', suite: settings.suite }),
  listScope: () => ({}),
  lostCreate: { schema: relayTarget, targetOf: (request: RelayRequest) => ({ provider: 'relay', suite: request.suite }), matches: () => false },
} as unknown as AnyGateProvider;

let undo: Array<() => void> = [];
beforeEach(() => {
  undo = [
    registerInCore({
      name: 'relay',
      label: 'Relay (test only)',
      defaultBaseUrl: 'https://relay.invalid',
      capabilities: { cancel: false, finalize: false, pushSamples: false, metadata: false, tags: false, groups: false, samples: false },
      statusTable: { statuses: {}, caseInsensitive: false },
      createClient: () => {
        throw new Error('no client in an inputs test');
      },
    }),
    registerTestProvider(relayGate),
  ];
});
afterEach(() => undo.forEach((step) => step()));

/** The runner's getter over INPUT_* variables, as @actions/core reads them. */
function runnerGetter(env: Record<string, string>): { getInput: (name: string) => string; asked: string[] } {
  const asked: string[] = [];
  const getInput = (name: string) => {
    asked.push(name);
    return env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`]?.trim() ?? '';
  };
  return { getInput, asked };
}

describe('a registered test provider in the Action', () => {
  it('has its rows read by the input reader and parsed by its gate part', () => {
    const { getInput, asked } = runnerGetter({ INPUT_PROVIDER: 'relay', 'INPUT_API-KEY': 'relay-key-1234', 'INPUT_RELAY-SUITE': 'smoke' });
    const raw = readRawInputs(getInput);
    expect(asked).toContain('relay-suite');
    expect(raw['relay-suite']).toBe('smoke');
    const inputs = parseInputs(raw);
    expect(inputs.provider).toBe('relay');
    expect(inputs.settings).toEqual({ provider: 'relay', suite: 'smoke' });
  });

  it('refuses its row for another provider, and another provider’s row for it, naming the fix', () => {
    const { getInput } = runnerGetter({
      INPUT_PROVIDER: 'relay',
      'INPUT_API-KEY': 'relay-key-1234',
      'INPUT_RELAY-SUITE': 'smoke',
      'INPUT_EVAL-ID': 'eval_1',
    });
    expect(() => parseInputs(readRawInputs(getInput))).toThrow('Input "eval-id" only applies to provider openai; remove it or set provider: openai');
    const other = runnerGetter({
      INPUT_PROVIDER: 'nugen',
      'INPUT_API-KEY': 'k-1234',
      'INPUT_MODEL-ID': 'm',
      'INPUT_BENCHMARK-ID': 'b',
      'INPUT_RELAY-SUITE': 'x',
    });
    expect(() => parseInputs(readRawInputs(other.getInput))).toThrow('Input "relay-suite" only applies to provider relay; remove it or set provider: relay');
  });

  it('is no longer read once unregistered', () => {
    undo.forEach((step) => step());
    undo = [];
    const { getInput, asked } = runnerGetter({});
    readRawInputs(getInput);
    expect(asked).not.toContain('relay-suite');
    expect(asked).toContain('provider');
  });
});
