/**
 * Fault injection: rules that hit the next N matching provider requests (latency, 429, 5xx bursts,
 * connection resets, malformed JSON), so clients' retry and back-off paths can be exercised.
 */
import { z } from 'zod';
import { providerSchema } from './providers/registry.js';
import type { Provider } from './types.js';
import { parseOrThrow } from './zod-issues.js';

const matchSchema = z
  .object({
    provider: providerSchema.optional(),
    method: z.string().min(1).optional(),
    pathIncludes: z.string().min(1).optional(),
  })
  .strict();

const count = z.number().int().positive();

export const faultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('latency'), ms: z.number().int().nonnegative(), count: count.optional(), match: matchSchema.optional() }).strict(),
  z
    .object({
      kind: z.literal('rate-limit'),
      count,
      retryAfterSeconds: z.number().nonnegative().optional(),
      retryAfterMs: z.number().nonnegative().optional(),
      retryAfterDate: z.boolean().optional(),
      match: matchSchema.optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('server-error'),
      count,
      status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]).optional(),
      match: matchSchema.optional(),
    })
    .strict(),
  z.object({ kind: z.literal('reset'), count, match: matchSchema.optional() }).strict(),
  z.object({ kind: z.literal('malformed-json'), count, match: matchSchema.optional() }).strict(),
]);

export type FaultSpec = z.infer<typeof faultSchema>;
export type FaultMatch = z.infer<typeof matchSchema>;
/** A fault that replaces the response (everything but latency). */
export type ResponseFault = Exclude<FaultSpec, { kind: 'latency' }>;

export interface FaultTarget {
  provider: Provider;
  method: string;
  path: string;
}

interface ActiveFault {
  spec: FaultSpec;
  /** Remaining hits; Infinity for latency without a count. */
  remaining: number;
}

export interface FaultDecision {
  latencyMs: number;
  fault: ResponseFault | null;
}

function matches(match: FaultMatch | undefined, target: FaultTarget): boolean {
  if (!match) return true;
  if (match.provider && match.provider !== target.provider) return false;
  if (match.method && match.method.toUpperCase() !== target.method.toUpperCase()) return false;
  if (match.pathIncludes && !target.path.includes(match.pathIncludes)) return false;
  return true;
}

export class FaultQueue {
  private active: ActiveFault[] = [];

  add(spec: FaultSpec): void {
    const parsed = parseOrThrow(faultSchema, spec, 'fault');
    this.active.push({ spec: parsed, remaining: parsed.count ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.active = [];
  }

  /** Consumes what applies to this request: every matching latency rule, then the first matching other fault. */
  take(target: FaultTarget): FaultDecision {
    let latencyMs = 0;
    let fault: ResponseFault | null = null;
    for (const entry of this.active) {
      if (entry.remaining <= 0 || !matches(entry.spec.match, target)) continue;
      if (entry.spec.kind === 'latency') {
        latencyMs += entry.spec.ms;
        entry.remaining--;
      } else if (!fault) {
        fault = entry.spec;
        entry.remaining--;
      }
    }
    this.active = this.active.filter((entry) => entry.remaining > 0);
    return { latencyMs, fault };
  }

  get pending(): FaultSpec[] {
    return this.active.map((entry) => entry.spec);
  }
}

/** The Retry-After style headers of a rate-limit fault; `now` is the emulator clock (for the HTTP-date form). */
export function retryAfterHeaders(fault: Extract<FaultSpec, { kind: 'rate-limit' }>, now: number): Record<string, string> {
  const headers: Record<string, string> = {};
  if (fault.retryAfterDate) {
    const seconds = fault.retryAfterSeconds ?? 1;
    headers['retry-after'] = new Date(now + seconds * 1000).toUTCString();
  } else if (fault.retryAfterSeconds !== undefined) {
    headers['retry-after'] = String(fault.retryAfterSeconds);
  }
  if (fault.retryAfterMs !== undefined) headers['retry-after-ms'] = String(fault.retryAfterMs);
  return headers;
}
