import { collectionKey, type SimulatedRecord } from '../../store.js';

export interface PrimeEvaluation extends SimulatedRecord {
  name: string;
  hosted: boolean;
  /** Hosted but created through `POST /evaluations/` with `is_hosted`: stored, never started (QUIRKS PRIME-1 choice). */
  dormant: boolean;
  /** The raw status shown before the run moves on (control `primeInitialStatus`); null for the default. */
  initialStatus: string | null;
  evalType: 'suite' | 'training' | 'environment';
  teamId: string | null;
  environmentIds: string[] | null;
  versionId: string | null;
  suiteId: string | null;
  runId: string | null;
  inferenceModel: string | null;
  evalConfig: Record<string, unknown> | null;
  sandboxId: string | null;
  modelName: string | null;
  dataset: string | null;
  framework: string | null;
  taskType: string | null;
  description: string | null;
  tags: string[];
  metadata: Record<string, unknown> | null;
  metrics: Record<string, unknown> | null;
  isPublic: boolean;
  showOnLeaderboard: boolean;
  /** Pushed sample objects as received (client-driven). */
  samples: Array<Record<string, unknown>>;
  samplesAdded: number;
  updatedAt: number;
}

export const PRIME_EVALUATIONS = collectionKey<PrimeEvaluation>('prime/evaluations');
