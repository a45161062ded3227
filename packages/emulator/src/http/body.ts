/** Reads a request body and parses it as JSON, telling apart "none", "valid", "not JSON" and "too large". */
import type { IncomingMessage } from 'node:http';

/** Far above any real request (a Prime samples batch), far below what would hurt the machine running the emulator. */
export const MAX_REQUEST_BODY_BYTES = 8 * 1024 * 1024;

export type RequestBody = { kind: 'empty' } | { kind: 'json'; value: unknown } | { kind: 'invalid'; message: string } | { kind: 'too-large'; limit: number };

export async function readBody(req: IncomingMessage, limit = MAX_REQUEST_BODY_BYTES): Promise<RequestBody> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return { kind: 'too-large', limit };
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    // Stop buffering at once; the reply closes the connection, so the rest is never read.
    if (size > limit) return { kind: 'too-large', limit };
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { kind: 'empty' };
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch (error) {
    return { kind: 'invalid', message: `body is not valid JSON: ${(error as Error).message}` };
  }
}
