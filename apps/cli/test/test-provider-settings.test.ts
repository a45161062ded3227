// A provider registered by a test (core's part through @evalgate/core/testing, the gate's through
// @evalgate/gate/testing) is read by the CLI like a shipped one, with no change to the CLI: its rows become flags
// (--help lists them), EVALGATE_* variables and config-file keys, and `provider` takes its name.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerTestProvider as registerInCore } from '@evalgate/core/testing';
import { checkSettings } from '@evalgate/gate';
import { optionalText, registerTestProvider, setting, type GateProvider } from '@evalgate/gate/testing';
import * as z from 'zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { configJsonSchema } from '../src/config/schema.js';
import type { CliIo } from '../src/io.js';
import { runCli } from '../src/program.js';
import { resolveRaw } from '../src/settings/raw-settings.js';

interface RelayRequest {
  provider: 'relay';
  suite: string;
}

interface RelaySettings {
  provider: 'relay';
  suite: string;
}

declare module '@evalgate/core/testing' {
  interface TestProviders {
    relay: RelayRequest;
  }
}

const RELAY_SETTINGS = {
  'relay-suite': setting({ description: 'Relay: the suite to run.', required: false, secret: false, parse: optionalText }),
} as const;

const relayTarget = z.object({ provider: z.literal('relay'), suite: z.string() });

const relayGate: GateProvider<RelaySettings, typeof RELAY_SETTINGS, z.infer<typeof relayTarget>> = {
  name: 'relay',
  settings: RELAY_SETTINGS,
  parseSettings: ({ values, require }) => {
    require('relay-suite', 'for provider relay (the suite to run)');
    const suite = values['relay-suite'];
    return suite === undefined ? undefined : { provider: 'relay', suite };
  },
  createRequest: (settings) => ({ provider: 'relay', suite: settings.suite }),
  listScope: () => ({}),
  lostCreate: { schema: relayTarget, targetOf: (request) => ({ provider: 'relay', suite: request.suite }), matches: () => false },
};

let dir: string;
let undo: Array<() => void> = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'evalgate-relay-'));
  undo = [
    registerInCore({
      name: 'relay',
      label: 'Relay (test only)',
      defaultBaseUrl: 'https://relay.invalid',
      capabilities: { cancel: false, finalize: false, pushSamples: false, metadata: false, tags: false, groups: false, samples: false },
      statusTable: { statuses: {}, caseInsensitive: false },
      createClient: () => {
        throw new Error('no client in a settings test');
      },
    }),
    registerTestProvider(relayGate),
  ];
});
afterEach(async () => {
  undo.forEach((step) => step());
  await rm(dir, { recursive: true, force: true });
});

function bufferIo(): { io: CliIo; stdout: () => string } {
  let out = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: () => true },
    env: {},
    cwd: dir,
    hostname: 'test',
    interrupt: new AbortController().signal,
    now: () => 0,
  };
  return { io, stdout: () => out };
}

describe('a registered test provider in the CLI', () => {
  it('gets a flag with its variable in `evalgate gate --help`', async () => {
    const { io, stdout } = bufferIo();
    expect(await runCli(['gate', '--help'], io)).toBe(0);
    // commander wraps the help text at 80 columns.
    expect(stdout()).toMatch(/--relay-suite <value>\s+Relay: the suite to run\.\s+\[EVALGATE_RELAY_SUITE\]/);
  });

  it('reads its rows from variables and parses them through its gate part', () => {
    const resolution = resolveRaw({ flags: { provider: 'relay' }, env: { EVALGATE_API_KEY: 'relay-key-1234', EVALGATE_RELAY_SUITE: 'smoke' } });
    expect(resolution.sources['relay-suite']).toBe('env');
    expect(checkSettings(resolution.raw).settings?.settings).toEqual({ provider: 'relay', suite: 'smoke' });
  });

  it('takes its name and its rows in a config file, and its rows in the editor schema', async () => {
    await writeFile(join(dir, 'evalgate.config.yaml'), 'provider: relay\nrelay-suite: smoke\n');
    expect(await loadConfig(undefined, dir)).toEqual({ file: 'evalgate.config.yaml', values: { provider: 'relay', 'relay-suite': 'smoke' } });
    const schema = configJsonSchema() as { properties: Record<string, unknown> };
    expect(schema.properties['relay-suite']).toMatchObject({ description: 'Relay: the suite to run.' });
    expect(schema.properties.provider).toMatchObject({ enum: ['prime', 'openai', 'nugen', 'relay'] });
  });

  it('forgets them once unregistered', async () => {
    undo.forEach((step) => step());
    undo = [];
    await writeFile(join(dir, 'evalgate.config.yaml'), 'relay-suite: smoke\n');
    await expect(loadConfig(undefined, dir)).rejects.toThrow(/Unknown key "relay-suite"/);
  });
});
