import { DEFAULT_MAX_SAMPLES, MAX_SAMPLES_LIMIT, SAMPLE_TEXT_LIMIT } from '../domain/samples.js';
import { ConfigurationError } from '../errors.js';

/** `maxSamples` checked: samples are read page by page up to it. */
export function maxSamplesOf(requested: number | undefined): number {
  if (requested === undefined) return DEFAULT_MAX_SAMPLES;
  if (!Number.isInteger(requested) || requested < 1 || requested > MAX_SAMPLES_LIMIT) {
    throw new ConfigurationError(`maxSamples must be an integer from 1 to ${MAX_SAMPLES_LIMIT}; got ${String(requested)}`);
  }
  return requested;
}

/** Provider text as a display string: a string as is, chat messages as `role: content` lines, anything else as JSON; clipped. */
export function sampleText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  const text = typeof value === 'string' ? value : Array.isArray(value) ? value.map(messageLine).join('\n') : safeJson(value);
  return text.length > SAMPLE_TEXT_LIMIT ? `${text.slice(0, SAMPLE_TEXT_LIMIT)}…` : text;
}

function messageLine(message: unknown): string {
  if (message !== null && typeof message === 'object' && 'content' in message) {
    const { role, content } = message as { role?: unknown; content: unknown };
    const body = typeof content === 'string' ? content : safeJson(content);
    return typeof role === 'string' ? `${role}: ${body}` : body;
  }
  return typeof message === 'string' ? message : safeJson(message);
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return String(value);
  }
}

export function finiteNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Drops undefined fields so a sample carries only what the provider gave (exactOptionalPropertyTypes). */
export function withoutUndefined<T extends object>(value: { [K in keyof T]: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
