import type { Evaluation } from '@evalgate/core';
import { describe, expect, it } from 'vitest';
import { evaluationDescription, evaluationTooltip } from '../../src/logic/evaluation-text.js';
import { escapeMarkdown, formatDuration, formatScore, formatTimestamp } from '../../src/logic/format.js';

const created = new Date('2026-11-25T14:00:00.000Z');

function evaluation(overrides: Partial<Evaluation>): Evaluation {
  return {
    provider: 'prime',
    id: 'ev-1',
    name: 'gsm8k nightly',
    status: 'running',
    rawStatus: 'RUNNING',
    createdAt: created,
    capabilities: { canCancel: true, canFinalize: false },
    ...overrides,
  };
}

describe('evaluation description', () => {
  it('shows the average score when there is one', () => {
    const scored = evaluation({ status: 'completed', rawStatus: 'COMPLETED', scores: { avg: 0.82345, min: 0.1, max: 1, count: 20 } });
    expect(evaluationDescription(scored)).toBe('avg 0.82');
  });

  it('shows progress while running, as a percentage or a count', () => {
    expect(evaluationDescription(evaluation({ progress: { fraction: 0.456 } }))).toBe('46%');
    expect(evaluationDescription(evaluation({ progress: { completed: 12, total: 20 } }))).toBe('12/20');
  });

  it('falls back to the status words', () => {
    expect(evaluationDescription(evaluation({ status: 'queued' }))).toBe('queued');
    expect(evaluationDescription(evaluation({ status: 'timed_out' }))).toBe('timed out');
    expect(evaluationDescription(evaluation({ status: 'cancelled', progress: { fraction: 0.5 } }))).toBe('cancelled');
  });
});

describe('evaluation tooltip', () => {
  it('lists status, avg/min/max, count and id, then when it started and finished relative to now, and how long it took', () => {
    const text = evaluationTooltip(
      evaluation({
        status: 'completed',
        rawStatus: 'COMPLETED',
        scores: { avg: 0.75, min: 0.5, max: 1, count: 4 },
        updatedAt: new Date('2026-11-25T14:03:05.000Z'),
      }),
      Date.parse('2026-11-25T15:00:00.000Z'),
    );
    expect(text.split('\n')).toEqual([
      '**gsm8k nightly**',
      '',
      '- Status: completed (`COMPLETED`)',
      '- Avg / min / max: 0.75 / 0.50 / 1.00',
      '- Count: 4',
      '- ID: `ev-1`',
      '- Started: 1 h ago (2026-11-25 14:00:00 UTC)',
      '- Finished: 56 min ago (2026-11-25 14:03:05 UTC)',
      '- Duration: 3m 05s',
    ]);
  });

  it('measures a running evaluation up to now and escapes a hostile name', () => {
    const text = evaluationTooltip(
      evaluation({ name: '[click](command:evil)', progress: { fraction: 0.5, completed: 10, total: 20 } }),
      Date.parse('2026-11-25T15:02:00.000Z'),
    );
    expect(text).toContain('**\\[click\\]\\(command\\:evil\\)**');
    expect(text).toContain('- Progress: 50%, 10/20');
    expect(text).toContain('- Scores: none yet');
    expect(text).toContain('- Duration: 1h 02m so far');
    expect(text).toContain('- Started: 1 h ago (2026-11-25 14:00:00 UTC)');
    expect(text).not.toContain('Finished');
  });
});

describe('formatting', () => {
  it('formats scores, times, durations', () => {
    // The Action's rule (core's format/score.ts): a score below 1 never reads as 1, a small one keeps its magnitude.
    expect(formatScore(1)).toBe('1.00');
    expect(formatScore(0.1 + 0.2)).toBe('0.30');
    expect(formatScore(0.9985)).toBe('0.999');
    expect(formatScore(0.0004)).toBe('0.0004');
    expect(formatTimestamp(created)).toBe('2026-11-25 14:00:00 UTC');
    expect(formatDuration(12_400)).toBe('12s');
    expect(formatDuration(-5)).toBe('0s');
    expect(escapeMarkdown('a*b_c')).toBe('a\\*b\\_c');
  });
});
