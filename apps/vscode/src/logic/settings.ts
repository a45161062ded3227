import * as z from 'zod/mini';
import type { ProviderName } from '@evalgate/core';
import { providerIds } from './providers/registry.js';
import { defaultConnectionId, trimTrailingSlash, type Connection } from './connection.js';
import { baseUrlProblem } from './endpoint.js';

export const DEFAULT_POLL_INTERVAL_SECONDS = 5;
export const MIN_POLL_INTERVAL_SECONDS = 1;
export const MAX_POLL_INTERVAL_SECONDS = 3600;
export const DEFAULT_BACKGROUND_POLL_INTERVAL_SECONDS = 60;

export interface Settings {
  connections: Connection[];
  pollIntervalMs: number;
  /** While the view is hidden; undefined: no polling while hidden. */
  backgroundPollIntervalMs: number | undefined;
  notifyOnFinish: boolean;
  /** One actionable message per rejected value; each names the setting (and entry) and the fix. */
  problems: string[];
  /** True when `evalgate.connections` has entries but none of them is usable. */
  connectionsInvalid: boolean;
}

/** The raw values as VS Code's configuration returns them (anything a user may have typed). */
export interface RawSettings {
  connections: unknown;
  pollIntervalSeconds: unknown;
  /** Absent in older callers: the default applies. */
  backgroundPollIntervalSeconds?: unknown;
  notifyOnFinish: unknown;
}

// https, or plain http on loopback only: the API key travels with every request.
const httpUrl = z.string().check(
  z.trim(),
  z.superRefine((value, context) => {
    const problem = baseUrlProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem, input: value });
  }),
);

// Extra keys are ignored (liberal), known keys are checked.
const connectionEntry = z.object({
  id: z.optional(z.string().check(z.trim(), z.minLength(1, { message: 'must not be empty (or leave it out for the default)' }))),
  label: z.optional(z.string()),
  // Checked against the registry when parsed, so the list lives in one place.
  provider: z.custom<ProviderName>((value) => typeof value === 'string' && (providerIds() as readonly string[]).includes(value), {
    error: () =>
      `must be one of ${providerIds()
        .map((name) => `"${name}"`)
        .join(', ')}`,
  }),
  baseUrl: httpUrl,
});

const SETTINGS_HINT = 'Fix it in your settings.json.';

export function parseSettings(raw: RawSettings): Settings {
  const problems: string[] = [];
  const { connections, invalidCount } = parseConnections(raw.connections, problems);
  return {
    connections,
    pollIntervalMs: parsePollInterval(raw.pollIntervalSeconds, problems) * 1000,
    backgroundPollIntervalMs: parseBackgroundPollInterval(raw.backgroundPollIntervalSeconds, problems),
    notifyOnFinish: parseNotify(raw.notifyOnFinish, problems),
    problems,
    connectionsInvalid: connections.length === 0 && invalidCount > 0,
  };
}

function parseConnections(raw: unknown, problems: string[]): { connections: Connection[]; invalidCount: number } {
  if (raw === undefined || raw === null) return { connections: [], invalidCount: 0 };
  if (!Array.isArray(raw)) {
    problems.push(
      `evalgate.connections must be an array of { provider, baseUrl } objects, e.g. [{ "provider": "prime", "baseUrl": "http://127.0.0.1:4010" }]. ${SETTINGS_HINT}`,
    );
    return { connections: [], invalidCount: 1 };
  }
  const connections: Connection[] = [];
  const seen = new Set<string>();
  let invalidCount = 0;
  raw.forEach((entry: unknown, index) => {
    const where = `evalgate.connections[${index}]`;
    const parsed = connectionEntry.safeParse(entry);
    if (!parsed.success) {
      invalidCount += 1;
      const issues = parsed.error.issues.map((issue) => {
        const field = issue.path.length > 0 ? `${where}.${issue.path.join('.')}` : where;
        return `${field} ${issue.code === 'invalid_type' && issue.path.length === 0 ? 'must be an object with "provider" and "baseUrl"' : issue.message}`;
      });
      problems.push(`${issues.join('; ')}. ${SETTINGS_HINT}`);
      return;
    }
    const baseUrl = trimTrailingSlash(parsed.data.baseUrl);
    const id = parsed.data.id ?? defaultConnectionId(parsed.data.provider, baseUrl);
    if (seen.has(id)) {
      invalidCount += 1;
      problems.push(`${where} repeats the connection "${id}"; give it a different "id" or remove it. ${SETTINGS_HINT}`);
      return;
    }
    seen.add(id);
    const label = parsed.data.label?.trim();
    connections.push({ id, provider: parsed.data.provider, baseUrl, ...(label ? { label } : {}) });
  });
  return { connections, invalidCount };
}

/** The id a raw `evalgate.connections` entry gets, or undefined if the entry is invalid. */
export function connectionIdOf(entry: unknown): string | undefined {
  const parsed = connectionEntry.safeParse(entry);
  if (!parsed.success) return undefined;
  return parsed.data.id ?? defaultConnectionId(parsed.data.provider, trimTrailingSlash(parsed.data.baseUrl));
}

/** Checks one entry before it is written to settings: the problems, each naming the field, or []. */
export function validateConnectionEntry(entry: unknown): string[] {
  const problems: string[] = [];
  parseConnections([entry], problems);
  return problems.map((problem) => problem.replace('evalgate.connections[0]', 'connection').replace(` ${SETTINGS_HINT}`, ''));
}

function parsePollInterval(raw: unknown, problems: string[]): number {
  if (raw === undefined || raw === null) return DEFAULT_POLL_INTERVAL_SECONDS;
  if (typeof raw === 'number' && Number.isFinite(raw) && raw >= MIN_POLL_INTERVAL_SECONDS && raw <= MAX_POLL_INTERVAL_SECONDS) {
    return raw;
  }
  problems.push(
    `evalgate.pollIntervalSeconds must be a number of seconds from ${MIN_POLL_INTERVAL_SECONDS} to ${MAX_POLL_INTERVAL_SECONDS} (got ${JSON.stringify(raw)}); using ${DEFAULT_POLL_INTERVAL_SECONDS}. ${SETTINGS_HINT}`,
  );
  return DEFAULT_POLL_INTERVAL_SECONDS;
}

function parseBackgroundPollInterval(raw: unknown, problems: string[]): number | undefined {
  if (raw === undefined || raw === null) return DEFAULT_BACKGROUND_POLL_INTERVAL_SECONDS * 1000;
  if (raw === 0) return undefined;
  if (typeof raw === 'number' && Number.isFinite(raw) && raw >= 10 && raw <= MAX_POLL_INTERVAL_SECONDS) return raw * 1000;
  problems.push(
    `evalgate.backgroundPollIntervalSeconds must be 0 (no polling while the view is hidden) or a number of seconds from 10 to ${MAX_POLL_INTERVAL_SECONDS} (got ${JSON.stringify(raw)}); using ${DEFAULT_BACKGROUND_POLL_INTERVAL_SECONDS}. ${SETTINGS_HINT}`,
  );
  return DEFAULT_BACKGROUND_POLL_INTERVAL_SECONDS * 1000;
}

function parseNotify(raw: unknown, problems: string[]): boolean {
  if (raw === undefined || raw === null) return true;
  if (typeof raw === 'boolean') return raw;
  problems.push(`evalgate.notifyOnFinish must be true or false (got ${JSON.stringify(raw)}); using true. ${SETTINGS_HINT}`);
  return true;
}
