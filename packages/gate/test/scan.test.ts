import type { EvalClient, Evaluation } from '@evalgate/core';
import { describe, expect, it } from 'vitest';
import { SCAN_LIMIT, scanForEvaluation } from '../src/evaluation/scan.js';

const NOW = Date.UTC(2026, 10, 30, 12);

function evaluation(id: string, createdAt: number): Evaluation {
  return {
    provider: 'prime',
    id,
    name: id,
    status: 'completed',
    rawStatus: 'COMPLETED',
    createdAt: new Date(createdAt),
    capabilities: { canCancel: false, canFinalize: true },
  };
}

/** A client whose list yields `items` in the given order, counting what was read. */
function listing(items: Evaluation[]): { client: EvalClient; read: () => number } {
  let read = 0;
  const client = {
    provider: 'prime',
    async *list() {
      for (const item of items) {
        read++;
        yield item;
      }
    },
  } as unknown as EvalClient;
  return { client, read: () => read };
}

const older = Array.from({ length: 120 }, (_, index) => evaluation(`old_${index}`, NOW - 3_600_000 + index));
const ours = evaluation('ours', NOW - 60_000);

describe('scanForEvaluation', () => {
  it('finds ours behind 120 older evaluations listed oldest first', async () => {
    const { client } = listing([...older, ours]);
    const found = await scanForEvaluation(client, (candidate) => candidate.id === 'ours', { notBefore: NOW - 86_400_000 });
    expect(found?.id).toBe('ours');
  });

  it('finds it listed newest first, and leaves a newest-first list once past notBefore', async () => {
    const { client, read } = listing([ours, ...[...older].reverse()]);
    expect((await scanForEvaluation(client, (candidate) => candidate.id === 'ours', { notBefore: NOW - 86_400_000 }))?.id).toBe('ours');
    const missing = listing([...[...older].reverse(), evaluation('ancient', NOW - 10 * 86_400_000), ...older]);
    expect(await scanForEvaluation(missing.client, () => false, { notBefore: NOW - 2 * 86_400_000 })).toBeUndefined();
    expect(missing.read()).toBe(121);
    expect(read()).toBe(1);
  });

  it('reads a list in any other order to its end, but never more than the limit', async () => {
    const many = Array.from({ length: SCAN_LIMIT + 50 }, (_, index) => evaluation(`e${index}`, NOW - (index % 2) * 1000));
    const { client, read } = listing(many);
    expect(await scanForEvaluation(client, () => false, { notBefore: NOW - 86_400_000 })).toBeUndefined();
    expect(read()).toBe(SCAN_LIMIT + 1);
  });
});
