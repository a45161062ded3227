/** The emulator's in-memory records, per provider, in creation order (lists show them newest first). */
import type { Simulation } from './lifecycle.js';

/** What every simulated evaluation has, whatever the provider calls it. */
export interface SimulatedRecord {
  id: string;
  /** Creation order within its provider; feeds the seeded scores. */
  ordinal: number;
  sim: Simulation;
  /** Per-sample scores: simulated ones, or (Prime non-hosted) the pushed ones. */
  scores: number[];
}

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

export interface NugenEvaluation extends SimulatedRecord {
  modelId: string;
  modelId2: string | null;
  benchmarkId: string;
  judgeProvider: string;
  /** As sent: Nugen's schema says object, its docs example sends a list (NUGEN-4); both are accepted. */
  customMetrics: Record<string, unknown> | unknown[] | null;
  comparisonScores: number[] | null;
}

/** A keyed collection that remembers insertion order. */
export class Collection<T extends { id: string }> {
  private readonly byId = new Map<string, T>();
  private ordered: T[] = [];

  add(item: T): T {
    this.byId.set(item.id, item);
    this.ordered.push(item);
    return item;
  }

  get(id: string): T | undefined {
    return this.byId.get(id);
  }

  remove(id: string): boolean {
    if (!this.byId.delete(id)) return false;
    this.ordered = this.ordered.filter((item) => item.id !== id);
    return true;
  }

  get size(): number {
    return this.ordered.length;
  }

  oldestFirst(): readonly T[] {
    return this.ordered;
  }

  newestFirst(): T[] {
    return [...this.ordered].reverse();
  }
}

export class Store {
  prime = new Collection<PrimeEvaluation>();
  openaiEvals = new Collection<OpenAIEval>();
  openaiRuns = new Collection<OpenAIRun>();
  nugen = new Collection<NugenEvaluation>();
}
