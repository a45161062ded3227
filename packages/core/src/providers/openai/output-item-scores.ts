import type { RequestOptions } from '../../domain/client.js';
import type { Scores } from '../../domain/evaluation.js';
import { DEFAULT_MAX_SAMPLES, type SampleScores } from '../../domain/samples.js';
import { aggregateScores } from '../../domain/scores.js';
import type { HttpClient } from '../../http/http-client.js';
import { path } from '../../http/path.js';
import { nextAfter } from './cursor.js';
import { openAIWire } from './wire.js';

/** OpenAI documents no page-size maximum (OPENAI-4); 100 is the common ceiling of its other lists. */
export const OUTPUT_ITEM_PAGE_SIZE = 100;
/** 1000 pages of 100: runs beyond 100 000 output items get no avg/min/max rather than a walk without end. */
export const MAX_OUTPUT_ITEM_PAGES = 1000;

export type OutputItemScores =
  /** `sampleScores`: each item's mean grader score, as `listSamples` gives it, kept so nobody reads the items twice. */
  | { complete: true; scores: Scores | undefined; sampleScores: SampleScores }
  /** The walk stopped before `has_more: false`: scores over part of the items would mislead a gate. */
  | { complete: false; reason: string };

/**
 * Reads every output item of a run, oldest first, and aggregates `results[].score` (QUIRKS OPENAI-11). The choice
 * across graders: every grader result of every item is one value, so an eval with two graders over 10 items gives
 * count 20. The pass rate here (passed results / results with a `passed` flag) is only the fallback for a run
 * without `result_counts`; the mapper prefers the run's own counts. Bounded: at most MAX_OUTPUT_ITEM_PAGES requests; an empty page that says `has_more`, or a cursor already
 * used, ends the walk as incomplete.
 */
export async function readOutputItemScores(
  http: HttpClient,
  evalId: string,
  runId: string,
  options: RequestOptions,
  maxPages = MAX_OUTPUT_ITEM_PAGES,
): Promise<OutputItemScores> {
  const values: number[] = [];
  const perItem: Array<number | undefined> = [];
  let items = 0;
  let judged = 0;
  let passed = 0;
  const usedCursors = new Set<string>();
  let after: string | undefined;
  for (let pageIndex = 0; pageIndex < maxPages; pageIndex++) {
    const page = await http.request({
      method: 'GET',
      path: path`/evals/${evalId}/runs/${runId}/output_items`,
      query: { limit: OUTPUT_ITEM_PAGE_SIZE, order: 'asc', after },
      schema: openAIWire().outputItemList,
      options,
    });
    for (const item of page.data) {
      const itemScores: number[] = [];
      for (const result of item.results ?? []) {
        if (typeof result.score === 'number') {
          values.push(result.score);
          itemScores.push(result.score);
        }
        if (typeof result.passed === 'boolean') {
          judged++;
          if (result.passed) passed++;
        }
      }
      items++;
      if (perItem.length < DEFAULT_MAX_SAMPLES) perItem.push(mean(itemScores));
    }
    if (page.has_more !== true) {
      const scores = aggregateScores(values);
      const sampleScores: SampleScores = { scores: perItem, ...(items > perItem.length ? { total: items } : {}) };
      return { complete: true, scores: scores && judged > 0 ? { ...scores, passRate: passed / judged } : scores, sampleScores };
    }
    const next = nextAfter(page);
    if (next === undefined) return { complete: false, reason: 'an empty page said has_more' };
    if (usedCursors.has(next)) return { complete: false, reason: `the cursor "${next}" came back a second time` };
    usedCursors.add(next);
    after = next;
  }
  return { complete: false, reason: `more than ${maxPages} pages of output items` };
}

/** An item's score as `mapOpenAIOutputItem` gives it: the mean of its graders' scores. */
function mean(scores: number[]): number | undefined {
  return scores.length > 0 ? scores.reduce((sum, score) => sum + score, 0) / scores.length : undefined;
}
