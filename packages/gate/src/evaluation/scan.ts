import type { EvalClient, Evaluation } from '@evalgate/core';

/** At most this many evaluations are read looking for one of ours (10 pages of 100): a bounded cost per run. */
export const SCAN_LIMIT = 1000;
const PAGE_SIZE = 100;

export interface ScanOptions {
  /** OpenAI: the eval whose runs are listed. */
  evalId?: string;
  /**
   * ms since epoch: nothing created before this can match. A newest-first list is left as soon as it passes this
   * point; a list in any other order is read to its end (within SCAN_LIMIT), since a match may come last.
   */
  notBefore: number;
  limit?: number;
  signal?: AbortSignal;
}

/**
 * The first evaluation `matches` accepts, whatever order the provider lists in (newest first, oldest first or
 * neither): the scan never assumes the newest come first, it only uses that order to stop early when it holds.
 */
export async function scanForEvaluation(
  client: EvalClient,
  matches: (evaluation: Evaluation) => boolean,
  options: ScanOptions,
): Promise<Evaluation | undefined> {
  const limit = options.limit ?? SCAN_LIMIT;
  const listOptions = { pageSize: PAGE_SIZE, ...(options.evalId ? { evalId: options.evalId } : {}), ...(options.signal ? { signal: options.signal } : {}) };
  let seen = 0;
  let newestFirst = true;
  let previous: number | undefined;
  for await (const evaluation of client.list(listOptions)) {
    if (++seen > limit) break;
    const created = evaluation.createdAt?.getTime();
    if (created === undefined || created >= options.notBefore) {
      if (matches(evaluation)) return evaluation;
    }
    if (created === undefined) continue;
    if (previous !== undefined && created > previous) newestFirst = false;
    previous = created;
    if (newestFirst && created < options.notBefore) break;
  }
  return undefined;
}
