import * as z from 'zod/mini';
import { ConfigurationError } from '../../errors.js';
import { lazy } from '../../lazy.js';

/** Where a listing over the runs of every eval stands: which eval, and after which run inside it. */
export interface AllRunsPosition {
  evalId: string;
  runAfter?: string;
}

const positionSchema = lazy(() => z.object({ evalId: z.string().check(z.minLength(1)), runAfter: z.optional(z.string().check(z.minLength(1))) }));

export function encodeAllRunsCursor(position: AllRunsPosition): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

export function decodeAllRunsCursor(cursor: string): AllRunsPosition {
  try {
    const parsed = positionSchema().parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.runAfter !== undefined ? { evalId: parsed.evalId, runAfter: parsed.runAfter } : { evalId: parsed.evalId };
  } catch {
    throw new ConfigurationError('cursor must be the nextCursor of a previous OpenAI listPage() call without evalId');
  }
}
