import type { EvalClient, Evaluation } from '@evalgate/core';
import type { RunContext } from '../github/event.js';
import type { GitHubPort } from '../github/port.js';
import type { ActionInputs } from '../inputs/types.js';
import { formatScore } from '../report/format.js';
import { hasTags } from '../tags.js';
import type { BaselineLookup } from './types.js';

/** How many of the newest evaluations are searched for a tagged baseline. */
export const BASELINE_SEARCH_LIMIT = 200;

export interface BaselineDeps {
  inputs: ActionInputs;
  context: RunContext;
  client: EvalClient;
  github?: GitHubPort;
  warn: (message: string) => void;
}

/**
 * Nugen comparison mode when a baseline model is set; otherwise, with `baseline: base-branch`, the latest completed
 * evaluation this action tagged for the base branch, found through the provider's metadata or the base branch's check run.
 */
export async function findBaseline(deps: BaselineDeps, evaluation: Evaluation): Promise<BaselineLookup> {
  const { inputs, context } = deps;
  if (inputs.settings.provider === 'nugen' && inputs.settings.baselineModelId) {
    const comparison = evaluation.comparison;
    if (comparison?.scores) {
      return found({
        source: 'comparison',
        description: `model ${comparison.model || inputs.settings.baselineModelId} evaluated side by side (nugen comparison mode)`,
        scores: comparison.scores,
      });
    }
    return { note: `nugen returned no comparison scores for ${inputs.settings.baselineModelId}` };
  }
  if (inputs.baseline === 'none') return { note: 'no baseline requested (baseline: none)' };
  if (!context.baseRef) return { note: `a ${context.eventName} event has no base branch to compare with` };

  if (deps.client.provider !== 'nugen') {
    const tagged = await latestTagged(deps, context.baseRef);
    if (tagged) return tagged;
  }
  const fromCheck = await fromBaseBranchCheck(deps, context.baseRef);
  if (fromCheck) return fromCheck;
  return { note: `no completed evaluation from this action was found for ${context.baseRef}` };
}

function found(baseline: NonNullable<BaselineLookup['baseline']>): BaselineLookup {
  return { baseline, note: `baseline: ${baseline.description}, avg ${formatScore(baseline.scores.avg)}` };
}

async function latestTagged(deps: BaselineDeps, baseRef: string): Promise<BaselineLookup | undefined> {
  const { client, context, inputs } = deps;
  const expected = { evalgate_repo: `${context.owner}/${context.repo}`, evalgate_ref: baseRef, evalgate_check: inputs.checkName };
  const options = inputs.settings.provider === 'openai' ? { evalId: inputs.settings.evalId, pageSize: 50 } : { pageSize: 50 };
  let seen = 0;
  try {
    for await (const candidate of client.list(options)) {
      if (++seen > BASELINE_SEARCH_LIMIT) break;
      if (candidate.status !== 'completed' || !hasTags(candidate, expected)) continue;
      // Listings may omit statistics; the single-evaluation read has them.
      const full = candidate.scores ? candidate : await client.get(candidate.id);
      if (!full.scores || full.scores.count === 0) continue;
      return found({
        source: 'base-branch',
        description: `latest completed evaluation on ${baseRef} (${full.id})`,
        evaluationId: full.id,
        scores: full.scores,
      });
    }
  } catch (error) {
    deps.warn(`Could not search ${client.provider} for a baseline: ${(error as Error).message}`);
  }
  return undefined;
}

async function fromBaseBranchCheck(deps: BaselineDeps, baseRef: string): Promise<BaselineLookup | undefined> {
  if (!deps.github) return undefined;
  let checks;
  try {
    checks = await deps.github.findChecks(baseRef, deps.inputs.checkName);
  } catch (error) {
    deps.warn(`Could not read the check runs of ${baseRef}: ${(error as Error).message}`);
    return undefined;
  }
  for (const check of checks) {
    if (check.status !== 'completed' || !check.externalId || check.conclusion === 'cancelled') continue;
    try {
      const evaluation = await deps.client.get(check.externalId);
      if (evaluation.status !== 'completed' || !evaluation.scores || evaluation.scores.count === 0) continue;
      return found({
        source: 'base-branch',
        description: `evaluation ${evaluation.id} of the "${check.name}" check on ${baseRef}`,
        evaluationId: evaluation.id,
        scores: evaluation.scores,
      });
    } catch {
      continue;
    }
  }
  return undefined;
}
