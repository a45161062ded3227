import type { PrimeSample } from '@evalgate/core';
import * as z from 'zod/mini';
import { InputError } from '../../settings/input-error.js';

// Prime's tooling scores a sample by `reward`; `score` is read too (QUIRKS PRIME-2). Both must be numbers when present.
const sampleSchema = z.looseObject({ reward: z.optional(z.number()), score: z.optional(z.number()) });

/** JSONL, one sample object per line (blank lines skipped); errors name the input and the line. */
export function parseSamples(text: string, path: string): PrimeSample[] {
  const samples: PrimeSample[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new InputError([{ input: 'samples-file', message: `line ${index + 1} of ${path} is not JSON (${(error as Error).message})` }]);
    }
    const parsed = sampleSchema.safeParse(value);
    if (!parsed.success) {
      throw new InputError([
        { input: 'samples-file', message: `line ${index + 1} of ${path} must be a JSON object whose "reward" and "score", when present, are numbers` },
      ]);
    }
    samples.push(parsed.data as PrimeSample);
  }
  if (samples.length === 0) throw new InputError([{ input: 'samples-file', message: `${path} holds no samples` }]);
  return samples;
}
