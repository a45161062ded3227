import { collectionKey, type SimulatedRecord } from '../../store.js';

export interface NugenEvaluation extends SimulatedRecord {
  modelId: string;
  modelId2: string | null;
  benchmarkId: string;
  judgeProvider: string;
  /** As sent: Nugen's schema says object, its docs example sends a list (NUGEN-4); both are accepted. */
  customMetrics: Record<string, unknown> | unknown[] | null;
  comparisonScores: number[] | null;
}

export const NUGEN_EVALUATIONS = collectionKey<NugenEvaluation>('nugen/evaluations');
