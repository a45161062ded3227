// Per-input zod schemas over the raw strings the runner passes. Each message says what is allowed;
// values are echoed only for inputs that can never hold a secret.
import * as z from 'zod';

const MAX_ECHO = 60;

/** A value quoted for a message, cut short; only for settings that can never hold a secret. */
export function echo(value: string): string {
  const shown = value.length > MAX_ECHO ? `${value.slice(0, MAX_ECHO)}…` : value;
  return JSON.stringify(shown);
}

/** Trimmed text; empty means unset. */
export const optionalText = z.string().transform((value) => {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
});

/**
 * One of `values` (or of what the function gives when the value is parsed, for a list that can grow at run time);
 * unset is an error (a setting with a default gets it before parsing: settings/spec.ts).
 */
export function choice<const T extends readonly [string, ...string[]]>(allowed: T | (() => T)) {
  return z.string().transform((raw, ctx): T[number] => {
    const values = typeof allowed === 'function' ? allowed() : allowed;
    const value = raw.trim() === '' ? undefined : raw.trim();
    if (value === undefined) {
      ctx.addIssue({ code: 'custom', message: `is required: one of ${values.join(' | ')}` });
      return z.NEVER;
    }
    if ((values as readonly string[]).includes(value)) return value;
    ctx.addIssue({ code: 'custom', message: `must be one of ${values.join(' | ')} (got ${echo(raw)})` });
    return z.NEVER;
  });
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
  return z.string().transform((raw, ctx): number | undefined => {
    const text = raw.trim();
    if (text === '') return undefined;
    const value = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : Number.NaN;
    const aboveMin = rule.minInclusive === false ? value > rule.min : value >= rule.min;
    if (Number.isFinite(value) && aboveMin && value <= rule.max) return value;
    ctx.addIssue({ code: 'custom', message: `must be ${allowed} (got ${echo(raw)})` });
    return z.NEVER;
  });
}

/** A JSON object; the parse error is reported, the value is not echoed (it may hold credentials). */
export const jsonObject = z.string().transform((raw, ctx): Record<string, unknown> | undefined => {
  const text = raw.trim();
  if (text === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `must be a JSON object (${(error as Error).message})` });
    return z.NEVER;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    ctx.addIssue({ code: 'custom', message: 'must be a JSON object like {"key": "value"}' });
    return z.NEVER;
  }
  return parsed as Record<string, unknown>;
});

/** Items separated by commas or new lines, blanks dropped. */
export function splitList(raw: string): string[] {
  return raw
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export const NAME_PLACEHOLDERS = ['pr', 'sha', 'ref', 'repo', 'check', 'run'] as const;

/** The evaluation name's template; its default comes from the settings table. */
export const nameTemplate = z.string().transform((raw, ctx): string => {
  const template = raw.trim();
  for (const match of template.matchAll(/\{([^{}]*)\}/g)) {
    if (!(NAME_PLACEHOLDERS as readonly string[]).includes(match[1] ?? '')) {
      ctx.addIssue({
        code: 'custom',
        message: `may only use the placeholders ${NAME_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')} (got {${match[1] ?? ''}})`,
      });
      return z.NEVER;
    }
  }
  return template;
});

/** Where the badge goes: `x.svg` also writes `x.json` (shields.io endpoint), and the other way round. */
export const badgePath = z.string().transform((raw, ctx) => {
  const path = raw.trim();
  if (path === '') return undefined;
  const match = /^(.*)\.(svg|json)$/i.exec(path);
  if (!match || match[1] === '' || match[1]?.endsWith('/')) {
    ctx.addIssue({ code: 'custom', message: `must be a file path ending in .svg or .json (got ${echo(raw)})` });
    return z.NEVER;
  }
  return { svg: `${match[1]}.svg`, json: `${match[1]}.json` };
});

export const httpUrl = z.string().transform((raw, ctx): string | undefined => {
  const text = raw.trim();
  if (text === '') return undefined;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.username !== '' || url.password !== '') {
    ctx.addIssue({ code: 'custom', message: 'must be an http(s) URL without credentials, e.g. https://api.example.com' });
    return z.NEVER;
  }
  return text.replace(/\/+$/, '');
});
