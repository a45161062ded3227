import { collectionKey, type SimulatedRecord } from '../../store.js';

export interface OpenAIEval {
  id: string;
  name: string;
  dataSourceConfig: Record<string, unknown>;
  testingCriteria: Array<Record<string, unknown>>;
  createdAt: number;
  /** Last create or update (ms), for `order_by=updated_at`. */
  updatedAt: number;
  metadata: Record<string, string> | null;
}

export interface OpenAIRun extends SimulatedRecord {
  evalId: string;
  name: string;
  model: string;
  dataSource: Record<string, unknown>;
  metadata: Record<string, string> | null;
}

export const OPENAI_EVALS = collectionKey<OpenAIEval>('openai/evals');
export const OPENAI_RUNS = collectionKey<OpenAIRun>('openai/runs');
