import type { EvalClient, Evaluation } from '@evalgate/core';
import type { BaselineTrust, RunContext } from '../ports.js';
import { gateProviderOf, listScopeOf } from '../providers/registry.js';
import type { GateSettings } from '../settings/types.js';
import { TREND_LENGTH, type TrendPoint } from '../report/trend.js';
import { hasTags } from '../tags.js';
import { baselineFound } from './found.js';
import type { BaselineLookup } from './types.js';

/** How many of the newest evaluations are searched for a tagged baseline. */
export const BASELINE_SEARCH_LIMIT = 200;
const SEARCH_PAGE_SIZE = 50;
/** Evaluations listed after the baseline was found, for the trend: at most one more page of requests. */
const TREND_EXTRA_ITEMS = SEARCH_PAGE_SIZE;
/** Reads of evaluations the listing shows without scores, for the trend's points beyond the baseline. */
const TREND_READ_BUDGET = 3;

/**
 * Events that only someone with write access to the base repository can cause. A pull request (from a fork or not)
 * is never a baseline: its branch may be named like the base branch, and its code is what is being judged.
 */
export const TRUSTED_BASELINE_EVENTS: ReadonlySet<string> = new Set(['push', 'workflow_dispatch', 'schedule']);

export interface BaselineDeps {
  inputs: GateSettings;
  context: RunContext;
  client: EvalClient;
  /** The host's own record of base-branch runs (the Action: check runs), when it has one. */
  baselineTrust?: BaselineTrust;
  /** The step's signal: timeout-minutes and cancel end the search too. */
  signal?: AbortSignal;
  warn: (message: string) => void;
}

/**
 * The provider's own baseline when its settings ask for one (Nugen's comparison mode); otherwise, with
 * `baseline: base-branch`, the latest completed
 * evaluation this gate tagged for the base branch, found through the provider's metadata or the host's record of the
 * base branch's runs (the Action: its check runs).
 * Only an evaluation run by a trusted event (a push, dispatch or schedule) on the base repository's base branch qualifies,
 * and never the evaluation being judged.
 */
export async function findBaseline(deps: BaselineDeps, evaluation: Evaluation): Promise<BaselineLookup> {
  const { inputs, context } = deps;
  const own = gateProviderOf(inputs.settings).ownBaseline?.lookup(inputs.settings, evaluation);
  if (own) return own;
  if (inputs.baseline === 'none') return { note: 'no baseline requested (baseline: none)' };
  if (!context.baseRef) return { note: `a ${context.eventName} event has no base branch to compare with` };

  if (deps.client.capabilities.metadata) {
    const tagged = await latestTagged(deps, context.baseRef, evaluation.id);
    if (tagged) return tagged;
  }
  const fromHost = await fromHostRecord(deps, context.baseRef, evaluation.id);
  if (fromHost) return fromHost;
  return { note: `no completed evaluation from this action was found for ${context.baseRef}` };
}

/** Tagged by this action for the base branch of this repository, by a trusted event. */
function isTrustedBaseline(deps: BaselineDeps, candidate: Evaluation, baseRef: string): boolean {
  const { context, inputs } = deps;
  const expected = { evalgate_repo: context.repository, evalgate_ref: baseRef, evalgate_check: inputs.checkName };
  return hasTags(candidate, expected) && TRUSTED_BASELINE_EVENTS.has(candidate.metadata?.evalgate_event ?? '');
}

async function latestTagged(deps: BaselineDeps, baseRef: string, judgedId: string): Promise<BaselineLookup | undefined> {
  const { client, inputs, signal } = deps;
  const options = {
    ...listScopeOf(inputs.settings),
    pageSize: SEARCH_PAGE_SIZE,
    maxItems: BASELINE_SEARCH_LIMIT,
    ...(signal ? { signal } : {}),
  };
  let seen = 0;
  let lookup: BaselineLookup | undefined;
  /** After the baseline, the walk goes on for the trend, but at most one more page (see TREND_EXTRA_ITEMS). */
  let stopAt = BASELINE_SEARCH_LIMIT;
  const trend: TrendPoint[] = [];
  let reads = 0;
  try {
    for await (const candidate of client.list(options)) {
      if (++seen > stopAt) break;
      if (candidate.id === judgedId || candidate.status !== 'completed' || !isTrustedBaseline(deps, candidate, baseRef)) continue;
      // Listings may omit statistics; the single-evaluation read has them. The baseline is always read; the trend's
      // other points only within a small budget (an OpenAI run's read walks its output items).
      if (lookup && !candidate.scores && reads >= TREND_READ_BUDGET) continue;
      if (!candidate.scores) reads++;
      const full = candidate.scores ? candidate : await client.get(candidate.id, signal ? { signal } : {});
      if (!full.scores || full.scores.count === 0) continue;
      trend.push({ evaluationId: full.id, avg: full.scores.avg, ...(full.createdAt ? { createdAt: full.createdAt } : {}) });
      if (!lookup) {
        lookup = baselineFound({
          source: 'base-branch',
          description: `latest completed evaluation on ${baseRef} (${full.id})`,
          evaluationId: full.id,
          scores: full.scores,
        });
        stopAt = Math.min(BASELINE_SEARCH_LIMIT, seen + TREND_EXTRA_ITEMS);
      }
      if (trend.length >= TREND_LENGTH) break;
    }
  } catch (error) {
    if (signal?.aborted) throw error;
    // Without a baseline this is worth a warning; a trend cut short is not.
    if (!lookup) deps.warn(`Could not search ${client.provider} for a baseline: ${(error as Error).message}`);
  }
  if (!lookup) return undefined;
  return { ...lookup, trend: { branch: baseRef, points: oldestFirst(trend) } };
}

/** Oldest first by creation time; evaluations without one keep the listing's order (newest first) reversed. */
function oldestFirst(points: TrendPoint[]): TrendPoint[] {
  const reversed = [...points].reverse();
  if (reversed.some((point) => point.createdAt === undefined)) return reversed;
  return reversed.sort((a, b) => a.createdAt!.getTime() - b.createdAt!.getTime());
}

async function fromHostRecord(deps: BaselineDeps, baseRef: string, judgedId: string): Promise<BaselineLookup | undefined> {
  if (!deps.baselineTrust) return undefined;
  const candidates = await deps.baselineTrust.candidates(baseRef);
  for (const candidate of candidates) {
    if (candidate.evaluationId === judgedId) continue;
    try {
      const evaluation = await deps.client.get(candidate.evaluationId, deps.signal ? { signal: deps.signal } : {});
      if (evaluation.id === judgedId || evaluation.status !== 'completed' || !evaluation.scores || evaluation.scores.count === 0) continue;
      // Where the provider keeps our tags, they must say a trusted event made it; where it keeps none (Nugen), the
      // host's record (the Action: a check run on the base branch's head, which only this repository's token can
      // write) is the proof.
      const vouched = !deps.client.capabilities.metadata && candidate.hostVouches;
      if (!vouched && !isTrustedBaseline(deps, evaluation, baseRef)) continue;
      return baselineFound({
        source: 'base-branch',
        description: `evaluation ${evaluation.id} of ${candidate.source}`,
        evaluationId: evaluation.id,
        scores: evaluation.scores,
      });
    } catch (error) {
      if (deps.signal?.aborted) throw error;
      continue;
    }
  }
  return undefined;
}
