// Per-input zod schemas over the raw strings the runner passes. Each message says what is allowed;
// values are echoed only for inputs that can never hold a secret.
import * as z from 'zod/mini';

const MAX_ECHO = 60;

/** A value quoted for a message, cut short; only for settings that can never hold a secret. */
export function echo(value: string): string {
  const shown = value.length > MAX_ECHO ? `${value.slice(0, MAX_ECHO)}…` : value;
  return JSON.stringify(shown);
}

/** Fails a parse with `message` (the transform context of zod/mini has no addIssue). */
export function reject(payload: z.core.ParsePayload, message: string): never {
  payload.issues.push({ code: 'custom', message, input: payload.value });
  return z.NEVER;
}

/** Trimmed text; empty means unset. */
export const optionalText = z.pipe(
  z.string(),
  z.transform((value) => {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }),
);

/**
 * One of `values` (or of what the function gives when the value is parsed, for a list that can grow at run time);
 * unset is an error (a setting with a default gets it before parsing: settings/spec.ts).
 */
export function choice<const T extends readonly [string, ...string[]]>(allowed: T | (() => T)) {
  return z.pipe(
    z.string(),
    z.transform((raw, payload): T[number] => {
      const values = typeof allowed === 'function' ? allowed() : allowed;
      const value = raw.trim() === '' ? undefined : raw.trim();
      if (value === undefined) {
        return reject(payload, `is required: one of ${values.join(' | ')}`);
      }
      if ((values as readonly string[]).includes(value)) return value;
      return reject(payload, `must be one of ${values.join(' | ')} (got ${echo(raw)})`);
    }),
  );
}

export interface NumberRule {
  min: number;
  max: number;
  /** Whether `min` itself is allowed. */
  minInclusive?: boolean;
}

/** A decimal number within [min, max] (or (min, max]); unset stays undefined. */
export function decimal(rule: NumberRule) {
  const lower = rule.minInclusive === false ? `greater than ${rule.min}` : `at least ${rule.min}`;
  const allowed = `a number ${lower} and at most ${rule.max}`;
  return z.pipe(
    z.string(),
    z.transform((raw, payload): number | undefined => {
      const text = raw.trim();
      if (text === '') return undefined;
      const value = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : Number.NaN;
      const aboveMin = rule.minInclusive === false ? value > rule.min : value >= rule.min;
      if (Number.isFinite(value) && aboveMin && value <= rule.max) return value;
      return reject(payload, `must be ${allowed} (got ${echo(raw)})`);
    }),
  );
}

/** A JSON object; the parse error is reported, the value is not echoed (it may hold credentials). */
export const jsonObject = z.pipe(
  z.string(),
  z.transform((raw, payload): Record<string, unknown> | undefined => {
    const text = raw.trim();
    if (text === '') return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      return reject(payload, `must be a JSON object (${(error as Error).message})`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return reject(payload, 'must be a JSON object like {"key": "value"}');
    }
    return parsed as Record<string, unknown>;
  }),
);

/** Items separated by commas or new lines, blanks dropped. */
export function splitList(raw: string): string[] {
  return raw
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export const NAME_PLACEHOLDERS = ['pr', 'sha', 'ref', 'repo', 'check', 'run'] as const;

/** The evaluation name's template; its default comes from the settings table. */
export const nameTemplate = z.pipe(
  z.string(),
  z.transform((raw, payload): string => {
    const template = raw.trim();
    for (const match of template.matchAll(/\{([^{}]*)\}/g)) {
      if (!(NAME_PLACEHOLDERS as readonly string[]).includes(match[1] ?? '')) {
        return reject(payload, `may only use the placeholders ${NAME_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')} (got {${match[1] ?? ''}})`);
      }
    }
    return template;
  }),
);

/** Where the badge goes: `x.svg` also writes `x.json` (shields.io endpoint), and the other way round. */
export const badgePath = z.pipe(
  z.string(),
  z.transform((raw, payload) => {
    const path = raw.trim();
    if (path === '') return undefined;
    const match = /^(.*)\.(svg|json)$/i.exec(path);
    if (!match || match[1] === '' || match[1]?.endsWith('/')) {
      return reject(payload, `must be a file path ending in .svg or .json (got ${echo(raw)})`);
    }
    return { svg: `${match[1]}.svg`, json: `${match[1]}.json` };
  }),
);

export const httpUrl = z.pipe(
  z.string(),
  z.transform((raw, payload): string | undefined => {
    const text = raw.trim();
    if (text === '') return undefined;
    let url: URL | undefined;
    try {
      url = new URL(text);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.username !== '' || url.password !== '') {
      return reject(payload, 'must be an http(s) URL without credentials, e.g. https://api.example.com');
    }
    return text.replace(/\/+$/, '');
  }),
);
