import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeStatus, PROVIDER_NAMES, type EvaluationStatus, type ProviderName } from '../src/index.js';

// The table of docs/wire-contract.md, row by row.
const TABLE: Array<[ProviderName, string, EvaluationStatus]> = [
  ['prime', 'PENDING', 'queued'],
  ['prime', 'RUNNING', 'running'],
  ['prime', 'PROCESSING', 'running'],
  ['prime', 'COMPLETED', 'completed'],
  ['prime', 'FAILED', 'failed'],
  ['prime', 'CANCELLED', 'cancelled'],
  ['prime', 'TIMEOUT', 'timed_out'],
  ['openai', 'queued', 'queued'],
  ['openai', 'in_progress', 'running'],
  ['openai', 'completed', 'completed'],
  ['openai', 'failed', 'failed'],
  ['openai', 'canceled', 'cancelled'],
  ['openai', 'cancelled', 'cancelled'],
  ['nugen', 'pending', 'queued'],
  ['nugen', 'queued', 'queued'],
  ['nugen', 'processing', 'running'],
  ['nugen', 'PROCESSING', 'running'],
  ['nugen', 'running', 'running'],
  ['nugen', 'completed', 'completed'],
  ['nugen', 'READY', 'completed'],
  ['nugen', 'ready', 'completed'],
  ['nugen', 'EVALUATED', 'completed'],
  ['nugen', 'in_progress', 'running'],
  ['nugen', 'FAILED', 'failed'],
  ['nugen', 'error', 'failed'],
  ['nugen', 'Cancelled', 'cancelled'],
  ['nugen', 'canceled', 'cancelled'],
  ['nugen', 'timeout', 'timed_out'],
];

describe('normalizeStatus', () => {
  it.each(TABLE)('%s %s → %s', (provider, raw, expected) => {
    expect(normalizeStatus(provider, raw)).toBe(expected);
  });

  it.each([
    ['prime', 'running'],
    ['prime', 'paused'],
    ['openai', 'IN_PROGRESS'],
    ['openai', 'timeout'],
    ['nugen', ''],
    ['prime', 'toString'],
    ['nugen', '__proto__'],
  ] as Array<[ProviderName, string]>)('%s %j → unknown', (provider, raw) => {
    expect(normalizeStatus(provider, raw)).toBe('unknown');
  });

  it('throws, naming the known providers, for a provider no registry holds (instead of answering unknown)', () => {
    expect(() => normalizeStatus('acme-not-registered' as ProviderName, 'RUNNING')).toThrow(
      /No provider named 'acme-not-registered'.*'prime', 'openai', 'nugen'/,
    );
  });

  it('is total over arbitrary strings for every registered provider and never throws', () => {
    const statuses = new Set(['queued', 'running', 'completed', 'failed', 'cancelled', 'timed_out', 'unknown']);
    fc.assert(
      fc.property(fc.constantFrom(...PROVIDER_NAMES), fc.string(), (provider, raw) => {
        expect(statuses.has(normalizeStatus(provider, raw))).toBe(true);
      }),
    );
  });

  it('is case-insensitive for nugen', () => {
    const known = TABLE.filter(([provider]) => provider === 'nugen').map(([, raw]) => raw);
    const caseVariant = fc
      .tuple(fc.oneof(fc.constantFrom(...known), fc.string()), fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }))
      .map(([raw, flips]) => [...raw].map((ch, i) => (flips[i % flips.length] ? ch.toUpperCase() : ch.toLowerCase())).join(''));
    fc.assert(
      fc.property(caseVariant, (raw) => {
        expect(normalizeStatus('nugen', raw)).toBe(normalizeStatus('nugen', raw.toLowerCase()));
      }),
    );
  });
});
