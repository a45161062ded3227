import type { CreateEvaluationRequest, EvalClient, Evaluation } from '@evalgate/core';
import * as z from 'zod';
import { MARKER_KEY, hasTags } from '../tags.js';
import { scanForEvaluation } from './scan.js';

/** Server clocks drift; an evaluation created this long before our first attempt is not ours. */
const CLOCK_MARGIN_MS = 2 * 60_000;
/** Fewer than the re-attach scan: this runs after each failed create attempt. */
const SEARCH_LIMIT = 500;

const tagsSchema = z.object({ evalgate_sha: z.string(), evalgate_config: z.string(), evalgate_repo: z.string() });

/** What finds the evaluation a create made again; small enough for the post step's state (read back with zod). */
export const createTargetSchema = z.discriminatedUnion('provider', [
  // Prime's hosted create takes no metadata (core adds it with a PUT after the answer): an unanswered one is untagged,
  // so its name (which carries the PR and commit) and creation time identify it too.
  z.object({ provider: z.literal('prime'), tags: tagsSchema, name: z.string().optional() }),
  z.object({ provider: z.literal('openai'), evalId: z.string(), tags: tagsSchema }),
  z.object({ provider: z.literal('nugen'), modelId: z.string(), benchmarkId: z.string(), modelId2: z.string().optional() }),
]);
export type CreateTarget = z.infer<typeof createTargetSchema>;

/** A create still unanswered when the main step stopped: the post step looks for what it made. */
export const pendingCreateSchema = z.object({ since: z.number(), target: createTargetSchema });
export type PendingCreate = z.infer<typeof pendingCreateSchema>;

/** The saved state of an unanswered create; anything unreadable is ignored. */
export function parsePendingCreate(text: string): PendingCreate | undefined {
  if (!text) return undefined;
  try {
    const parsed = pendingCreateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function createTargetOf(request: CreateEvaluationRequest): CreateTarget {
  if (request.provider === 'nugen') {
    return { provider: 'nugen', modelId: request.modelId, benchmarkId: request.benchmarkId, ...(request.modelId2 ? { modelId2: request.modelId2 } : {}) };
  }
  const metadata = request.metadata ?? {};
  const tag = (key: string) => (typeof metadata[key] === 'string' ? metadata[key] : '');
  const tags = { evalgate_sha: tag('evalgate_sha'), evalgate_config: tag('evalgate_config'), evalgate_repo: tag('evalgate_repo') };
  if (request.provider === 'openai') return { provider: 'openai', evalId: request.evalId, tags };
  return { provider: 'prime', tags, ...(request.name ? { name: request.name } : {}) };
}

/**
 * After a create failed without a clear answer (5xx, dropped connection), finds the evaluation it may have created:
 * by our metadata tags (Prime, OpenAI), or for Nugen, which has none, by model and benchmark created since we began.
 * Two Nugen evaluations of the same model on the same benchmark are the same experiment, so sharing one is safe.
 */
export async function findLostCreate(client: EvalClient, target: CreateTarget, since: number, signal?: AbortSignal): Promise<Evaluation | undefined> {
  try {
    return await scanForEvaluation(client, (evaluation) => matches(evaluation, target, since), {
      notBefore: since - CLOCK_MARGIN_MS,
      limit: SEARCH_LIMIT,
      ...('evalId' in target ? { evalId: target.evalId } : {}),
      ...(signal ? { signal } : {}),
    });
  } catch {
    // Listing is best effort; the caller retries the create.
  }
  return undefined;
}

function matches(evaluation: Evaluation, target: CreateTarget, since: number): boolean {
  // Where the provider keeps metadata, the target carries our tags and they identify the evaluation.
  if ('tags' in target && !!target.tags.evalgate_sha && hasTags(evaluation, target.tags)) return true;
  const created = evaluation.createdAt?.getTime();
  if (created === undefined || created < since - CLOCK_MARGIN_MS) return false;
  if (target.provider === 'prime') return target.name !== undefined && evaluation.name === target.name && evaluation.metadata?.[MARKER_KEY] === undefined;
  if (target.provider === 'openai') return false;
  // Exact ids: a substring would take bench-10's run for bench-1's.
  if (evaluation.model !== target.modelId || evaluation.benchmark !== target.benchmarkId) return false;
  const mode = nugenMode(evaluation);
  // Someone else's run of the other mode on the same model and benchmark is a different experiment.
  if (!target.modelId2) return mode !== 'comparison';
  if (mode === 'single') return false;
  return evaluation.comparison?.model === target.modelId2;
}

/**
 * A Nugen list row's mode, when it shows: a second model or per-model (base/eval) figures mean comparison; flat
 * figures mean a single model (NUGEN-6). A row still running shows neither (documented rows carry no `model_id_2`).
 */
function nugenMode(evaluation: Evaluation): 'comparison' | 'single' | undefined {
  if (evaluation.comparison) return 'comparison';
  return evaluation.scores ? 'single' : undefined;
}
