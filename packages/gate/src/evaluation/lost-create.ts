import type { CreateEvaluationRequest, EvalClient, Evaluation } from '@evalgate/core';
import * as z from 'zod/mini';
import type { CreateTargetBase } from '../providers/gate-provider.js';
import { gateProvider, gateProviders } from '../providers/registry.js';
import { hasTags } from '../tags.js';
import { scanForEvaluation } from './scan.js';

export type { CreateTarget } from '../providers/registry.js';

/** Server clocks drift; an evaluation created this long before our first attempt is not ours. */
const CLOCK_MARGIN_MS = 2 * 60_000;
/** Fewer than the re-attach scan: this runs after each failed create attempt. */
const SEARCH_LIMIT = 500;

/** A create still unanswered when the main step stopped: the post step looks for what it made. */
export interface PendingCreate {
  since: number;
  /** A shipped provider's `CreateTarget`, or a test provider's. */
  target: CreateTargetBase;
}

const pendingShape = z.object({ since: z.number(), target: z.looseObject({ provider: z.string() }) });

/** The saved state of an unanswered create, its target read with its provider's schema; anything unreadable is ignored. */
export function parsePendingCreate(text: string): PendingCreate | undefined {
  if (!text) return undefined;
  try {
    const pending = pendingShape.safeParse(JSON.parse(text));
    if (!pending.success) return undefined;
    const provider = gateProviders().find((candidate) => candidate.name === pending.data.target.provider);
    const target = provider ? z.safeParse(provider.lostCreate.schema, pending.data.target) : undefined;
    return target?.success ? { since: pending.data.since, target: target.data } : undefined;
  } catch {
    return undefined;
  }
}

/** What finds the evaluation `request` creates again; small enough for the post step's state. */
export function createTargetOf(request: CreateEvaluationRequest): CreateTargetBase {
  return gateProvider(request.provider).lostCreate.targetOf(request);
}

/**
 * After a create failed without a clear answer (5xx, dropped connection), finds the evaluation it may have created:
 * by our metadata tags where the provider keeps them, otherwise by what the provider's identity matches (Nugen: model
 * and benchmark) among the evaluations created since we began.
 */
export async function findLostCreate(client: EvalClient, target: CreateTargetBase, since: number, signal?: AbortSignal): Promise<Evaluation | undefined> {
  const identity = gateProvider(target.provider).lostCreate;
  try {
    return await scanForEvaluation(client, (evaluation) => matches(evaluation, target, since), {
      notBefore: since - CLOCK_MARGIN_MS,
      limit: SEARCH_LIMIT,
      ...identity.listScope?.(target),
      ...(signal ? { signal } : {}),
    });
  } catch {
    // Listing is best effort; the caller retries the create.
  }
  return undefined;
}

function matches(evaluation: Evaluation, target: CreateTargetBase, since: number): boolean {
  // Where the provider keeps metadata, the target carries our tags and they identify the evaluation.
  if (target.tags && !!target.tags.evalgate_sha && hasTags(evaluation, target.tags)) return true;
  const created = evaluation.createdAt?.getTime();
  if (created === undefined || created < since - CLOCK_MARGIN_MS) return false;
  return gateProvider(target.provider).lostCreate.matches(evaluation, target);
}
