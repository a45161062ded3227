import type { CreateEvaluationRequest, EvalClient, Evaluation } from '@evalgate/core';
import { hasTags } from '../tags.js';
import { scanForEvaluation } from './scan.js';

/** Server clocks drift; an evaluation created this long before our first attempt is not ours. */
const CLOCK_MARGIN_MS = 2 * 60_000;
/** Fewer than the re-attach scan: this runs after each failed create attempt. */
const SEARCH_LIMIT = 500;

/**
 * After a create failed without a clear answer (5xx, dropped connection), finds the evaluation it may have created:
 * by our metadata tags (Prime, OpenAI), or for Nugen, which has none, by model and benchmark created since we began.
 * Two Nugen evaluations of the same model on the same benchmark are the same experiment, so sharing one is safe.
 */
export async function findLostCreate(
  client: EvalClient,
  request: CreateEvaluationRequest,
  since: number,
  signal?: AbortSignal,
): Promise<Evaluation | undefined> {
  try {
    return await scanForEvaluation(client, (evaluation) => matches(evaluation, request, since), {
      notBefore: since - CLOCK_MARGIN_MS,
      limit: SEARCH_LIMIT,
      ...(request.provider === 'openai' ? { evalId: request.evalId } : {}),
      ...(signal ? { signal } : {}),
    });
  } catch {
    // Listing is best effort; the caller retries the create.
  }
  return undefined;
}

function matches(evaluation: Evaluation, request: CreateEvaluationRequest, since: number): boolean {
  if (request.provider !== 'nugen') {
    const metadata = request.metadata as Record<string, string> | undefined;
    return !!metadata && hasTags(evaluation, { evalgate_sha: metadata.evalgate_sha ?? '', evalgate_config: metadata.evalgate_config ?? '', evalgate_repo: metadata.evalgate_repo ?? '' });
  }
  const created = evaluation.createdAt?.getTime();
  if (created === undefined || created < since - CLOCK_MARGIN_MS) return false;
  if (evaluation.model !== request.modelId || !evaluation.name.includes(request.benchmarkId)) return false;
  return request.modelId2 ? evaluation.name.includes(request.modelId2) : true;
}
