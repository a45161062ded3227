import type { CreateEvaluationRequest, ProviderName } from '@evalgate/core';
import * as z from 'zod/mini';
import { providerEntry } from '../providers/registry.js';
import type { StartField } from './start-field.js';

export type { StartField } from './start-field.js';

/** The guided start's questions for a provider (its folder under `logic/providers/` holds them). */
export function startFields(provider: ProviderName): readonly StartField[] {
  return providerEntry(provider).extension.startFields;
}

const answersSchema = z.record(z.string(), z.string());

/** The create request for a provider's answers, or every problem found (each naming the input, as the Action does). */
export function buildCreateRequest(provider: ProviderName, rawAnswers: unknown): { request: CreateEvaluationRequest } | { problems: string[] } {
  const parsed = answersSchema.safeParse(rawAnswers ?? {});
  if (!parsed.success) return { problems: ['answers must be an object of strings, keyed by input name (e.g. {"model-id": "…"})'] };
  const { extension } = providerEntry(provider);
  const fields = extension.startFields;
  const known = new Set(fields.map((field) => field.input));
  const problems = Object.keys(parsed.data)
    .filter((input) => !known.has(input))
    .map((input) => `${input}: not an input of ${provider} (expected ${[...known].join(', ')})`);
  const answers: Record<string, string> = {};
  for (const field of fields) {
    const answer = (parsed.data[field.input] ?? '').trim() || field.defaultValue || '';
    const problem = field.check(answer);
    if (problem) problems.push(`${field.input}: ${problem}`);
    answers[field.input] = answer;
  }
  if (problems.length > 0) return { problems };
  return { request: extension.buildRequest((input) => answers[input] ?? '') };
}
