/** How the Prime routes make a stored evaluation from the two create bodies (QUIRKS PRIME-1). */
import { randomUUID } from 'node:crypto';
import { primeId } from '../../ids.js';
import type { EmulatorState } from '../../state.js';
import { PRIME_EVALUATIONS, type PrimeEvaluation } from './records-store.js';
import type { CreateEvaluationBody } from './schemas.js';
import { DEFAULT_TIMEOUT_MINUTES } from './views.js';

export interface NewPrimeRecord {
  name: string;
  /** A run Prime executes (hosted-evaluations); false for pushed ones and for is_hosted records that never start. */
  runs: boolean;
  hosted: boolean;
  body: Partial<CreateEvaluationBody>;
  environmentIds: string[] | null;
  createdAt?: number;
}

/** `eval_config` as stored: the spec's default timeout filled in when the request had none. */
export function storedEvalConfig(config: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (!config) return null;
  const timeout = config.timeout_minutes;
  return { ...config, timeout_minutes: typeof timeout === 'number' ? timeout : DEFAULT_TIMEOUT_MINUTES };
}

export function addPrimeRecord(state: EmulatorState, spec: NewPrimeRecord): PrimeEvaluation {
  const { body } = spec;
  const { ordinal, sim, scores } = state.newSimulation('prime', { clientDriven: !spec.runs, createdAt: spec.createdAt });
  sim.dormant = spec.hosted && !spec.runs;
  const evalType = body.suite_id ? 'suite' : body.run_id ? 'training' : 'environment';
  return state.store.of(PRIME_EVALUATIONS).add({
    id: primeId(),
    ordinal,
    sim,
    scores,
    name: spec.name,
    hosted: spec.hosted,
    dormant: spec.hosted && !spec.runs,
    initialStatus: state.settings.primeInitialStatus,
    evalType,
    teamId: body.team_id ?? null,
    environmentIds: spec.environmentIds,
    versionId: body.environments?.[0]?.version_id ?? null,
    suiteId: body.suite_id ?? null,
    runId: body.run_id ?? null,
    inferenceModel: body.inference_model ?? null,
    evalConfig: storedEvalConfig(body.eval_config),
    sandboxId: spec.runs ? `sandbox-${randomUUID().slice(0, 8)}` : null,
    modelName: body.model_name ?? null,
    dataset: body.dataset ?? null,
    framework: body.framework ?? null,
    taskType: body.task_type ?? null,
    description: body.description ?? null,
    tags: body.tags ?? [],
    metadata: body.metadata ?? null,
    metrics: body.metrics ?? null,
    isPublic: body.is_public ?? false,
    showOnLeaderboard: body.show_on_leaderboard ?? false,
    samples: [],
    samplesAdded: 0,
    updatedAt: sim.createdAt,
  });
}
