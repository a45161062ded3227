// Finds and reads the config file: `--config FILE`, else evalgate.config.json / .yaml / .yml in the working directory.
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ConfigurationError } from '@evalgate/core';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { envName, gateSettingNames } from '@evalgate/gate';
import { configSchema, NOT_IN_CONFIG } from './schema.js';

const CONFIG_FILE_NAMES = ['evalgate.config.json', 'evalgate.config.yaml', 'evalgate.config.yml'] as const;

/** A config file is a few hundred bytes; anything this large is the wrong file. */
const MAX_CONFIG_BYTES = 256 * 1024;

export interface LoadedConfig {
  file: string;
  values: Record<string, unknown>;
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigurationError(`Cannot read the config file ${path}: ${(error as Error).message}. Fix: check its permissions.`);
  }
}

/** The config file's values, or undefined when there is none; throws a `ConfigurationError` naming the key and the fix. */
export async function loadConfig(explicitPath: string | undefined, cwd: string): Promise<LoadedConfig | undefined> {
  let file: string | undefined;
  let text: string | undefined;
  if (explicitPath !== undefined) {
    file = explicitPath;
    text = await readIfPresent(explicitPath);
    if (text === undefined)
      throw new ConfigurationError(
        `The config file ${explicitPath} (--config) does not exist. Fix: pass the path of an existing evalgate.config.json or .yaml.`,
      );
  } else {
    for (const name of CONFIG_FILE_NAMES) {
      text = await readIfPresent(join(cwd, name));
      if (text !== undefined) {
        file = name;
        break;
      }
    }
    if (text === undefined || file === undefined) return undefined;
  }
  if (Buffer.byteLength(text) > MAX_CONFIG_BYTES) {
    throw new ConfigurationError(`The config file ${file} is larger than ${MAX_CONFIG_BYTES / 1024} KiB. Fix: point --config at the evalgate config file.`);
  }
  return { file, values: validate(file, parseText(file, text)) };
}

function parseText(file: string, text: string): unknown {
  const isJson = basename(file).toLowerCase().endsWith('.json');
  try {
    return isJson ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 100 });
  } catch (error) {
    const message = (error as Error).message.split('\n')[0];
    throw new ConfigurationError(`The config file ${file} is not valid ${isJson ? 'JSON' : 'YAML'}: ${message}. Fix: correct the syntax.`);
  }
}

function validate(file: string, data: unknown): Record<string, unknown> {
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigurationError(`The config file ${file} must hold an object of settings, e.g. {"provider": "prime"}. Fix: write one key per setting.`);
  }
  const secret = NOT_IN_CONFIG.find((name) => name in data);
  if (secret) {
    throw new ConfigurationError(
      `Key "${secret}" in ${file}: a secret does not belong in a config file, which gets committed. Fix: remove it and set ${envName(secret)} instead.`,
    );
  }
  const parsed = configSchema().safeParse(data);
  if (parsed.success) return parsed.data;
  throw new ConfigurationError(describeIssue(file, parsed.error.issues[0]));
}

function describeIssue(file: string, issue: z.core.$ZodIssue | undefined): string {
  const known = gateSettingNames().filter((name) => !NOT_IN_CONFIG.includes(name));
  if (issue?.code === 'unrecognized_keys') {
    return `Unknown key "${issue.keys[0]}" in ${file}. Fix: remove it or use one of: ${known.join(', ')}.`;
  }
  const key = String(issue?.path[0] ?? '');
  const allowed =
    issue?.code === 'invalid_value'
      ? issue.values
      : issue?.code === 'invalid_union'
        ? issue.errors.flat().flatMap((sub) => (sub.code === 'invalid_value' ? sub.values : []))
        : [];
  if (allowed.length > 0) return `Invalid key "${key}" in ${file}: it must be one of ${allowed.map(String).join(' | ')}. Fix: use one of them.`;
  return `Invalid key "${key}" in ${file}: it must be a string, a number, true/false, a list or a mapping. Fix: write it as in the README's settings table.`;
}
