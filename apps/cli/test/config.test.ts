import { readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gateSettingNames } from '@evalgate/gate';
import { loadConfig } from '../src/config/load.js';
import { configJsonSchema } from '../src/config/schema.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'evalgate-config-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the config file', () => {
  it('is found in the working directory as JSON or YAML, or given with --config', async () => {
    expect(await loadConfig(undefined, dir)).toBeUndefined();
    await writeFile(join(dir, 'evalgate.config.yaml'), '# gate settings\nprovider: openai\nmin-avg-score: 0.75\n');
    expect(await loadConfig(undefined, dir)).toEqual({ file: 'evalgate.config.yaml', values: { provider: 'openai', 'min-avg-score': 0.75 } });
    await writeFile(join(dir, 'evalgate.config.json'), '{"$schema": "./evalgate.schema.json", "provider": "nugen"}');
    expect((await loadConfig(undefined, dir))?.values.provider).toBe('nugen');
    await writeFile(join(dir, 'other.yml'), 'provider: prime\n');
    expect((await loadConfig(join(dir, 'other.yml'), dir))?.values.provider).toBe('prime');
  });

  it('rejects what it cannot use, naming the key and the fix', async () => {
    const load = async (name: string, text: string) => {
      await writeFile(join(dir, name), text);
      return loadConfig(join(dir, name), dir);
    };
    await expect(loadConfig(join(dir, 'missing.yaml'), dir)).rejects.toThrow(/does not exist.*Fix: pass the path/);
    await expect(load('a.yaml', 'min-avg-score: [1\n')).rejects.toThrow(/is not valid YAML.*Fix: correct the syntax/);
    await expect(load('b.json', '{"provider": "prime",}')).rejects.toThrow(/is not valid JSON/);
    await expect(load('c.yaml', '- provider\n')).rejects.toThrow(/must hold an object of settings/);
    await expect(load('d.yaml', 'min-avg-score: null\n')).rejects.toThrow(/Invalid key "min-avg-score" in .*it must be a string, a number/);
    await expect(load('g.yaml', 'provider: azure\n')).rejects.toThrow(
      /Invalid key "provider" in .*: it must be one of prime \| openai \| nugen\. Fix: use one of them/,
    );
    await expect(load('h.yaml', 'allow-insecure-http: maybe\n')).rejects.toThrow(/Invalid key "allow-insecure-http" in .*: it must be one of false \| true/);
    await expect(load('e.yaml', 'treshold: 0.8\n')).rejects.toThrow(/Unknown key "treshold" in .*Fix: remove it or use one of: provider/);
    await expect(load('f.yaml', 'api-key: sk-live-123456\n')).rejects.toThrow(
      /Key "api-key" in .*a secret does not belong in a config file.*set EVALGATE_API_KEY/,
    );
    await expect(load('f.yaml', 'api-key: sk-live-123456\n')).rejects.not.toThrow(/sk-live/);
  });

  it('refuses a YAML alias bomb instead of expanding it', async () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(', ')}]`,
      ),
    ].join('\n');
    await writeFile(join(dir, 'bomb.yaml'), bomb);
    await expect(loadConfig(join(dir, 'bomb.yaml'), dir)).rejects.toThrow(/not valid YAML/);
  });
});

describe('evalgate.schema.json', () => {
  it('is the JSON Schema of the config file as the code defines it (run `npm run schema -w @evalgate/cli` after a change)', async () => {
    const committed = JSON.parse(await readFile(new URL('../evalgate.schema.json', import.meta.url), 'utf8')) as unknown;
    expect(committed).toEqual(configJsonSchema());
  });

  it('lists every non-secret setting and forbids unknown keys', () => {
    const schema = configJsonSchema() as { properties: Record<string, unknown>; additionalProperties: boolean };
    expect(Object.keys(schema.properties)).toEqual(['$schema', ...gateSettingNames().filter((name) => name !== 'api-key')]);
    expect(schema.properties['timeout-minutes']).toMatchObject({ default: '30' });
    expect(schema.properties.provider).toMatchObject({ enum: ['prime', 'openai', 'nugen'] });
    expect(schema.properties['fail-on']).toMatchObject({ enum: ['failure', 'neutral'], default: 'failure' });
    expect(schema.properties['allow-insecure-http']).toMatchObject({ anyOf: [{ type: 'boolean' }, { enum: ['false', 'true'] }] });
    expect(schema.additionalProperties).toBe(false);
  });
});
