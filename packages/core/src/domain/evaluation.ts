import type { PROVIDERS } from '../providers/registry.js';
import type { TestProviders } from '../testing.js';

/** The providers evalgate speaks to: the names in the registry (plus, in tests only, the test providers). */
// eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents -- the test-only part is `never` in every build and in this package's own program; tests elsewhere fill it
export type ProviderName = (typeof PROVIDERS)[number]['name'] | Extract<keyof TestProviders, string>;

/** Normalized lifecycle status; `unknown` keeps an unrecognised provider status from crashing anything. */
export type EvaluationStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled' | 'timed_out' | 'unknown';

export const TERMINAL_STATUSES: ReadonlySet<EvaluationStatus> = new Set(['completed', 'failed', 'cancelled', 'timed_out']);

export function isTerminal(status: EvaluationStatus): boolean {
  return TERMINAL_STATUSES.has(status);
}

/** Aggregated scores of an evaluation with at least one scored sample. */
export interface Scores {
  avg: number;
  min: number;
  max: number;
  /** Number of scored samples the figures are computed over. */
  count: number;
  /** Fraction in [0, 1] of samples that passed, when the provider reports pass/fail. */
  passRate?: number;
}

export interface Progress {
  /** Fraction in [0, 1], when known. */
  fraction?: number;
  completed?: number;
  total?: number;
  etaSeconds?: number;
}

export interface Capabilities {
  /** The provider can cancel this evaluation now (it exists there and is not terminal). */
  canCancel: boolean;
  /** The provider has a finalize step (Prime) that computes the final statistics. */
  canFinalize: boolean;
  /**
   * Finished, and what the provider returns about it is enough to start it again with the same parameters
   * (`EvalClient.rerunRequest`). Absent means no.
   */
  canRerun?: boolean;
}

export interface TokenUsage {
  model: string;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  cachedTokens?: number;
  invocations?: number;
}

/** One evaluation as every app sees it, whatever the provider. */
export interface Evaluation {
  provider: ProviderName;
  /** Opaque id to pass back to the client. OpenAI's is `<eval_id>/<run_id>`. */
  id: string;
  name: string;
  status: EvaluationStatus;
  /** The status exactly as the provider sent it. */
  rawStatus: string;
  progress?: Progress;
  /** Absent while running, or when the evaluation has no scored samples. */
  scores?: Scores;
  reportUrl?: string;
  createdAt?: Date;
  /** When the provider began running it (after any queue), when it says (Prime `started_at`). */
  startedAt?: Date;
  updatedAt?: Date;
  capabilities: Capabilities;
  tags?: string[];
  metadata?: Record<string, string>;
  /** Model under evaluation, when the provider says. */
  model?: string;
  /** Nugen: the benchmark it runs (`benchmark_id`), when the answer says. */
  benchmark?: string;
  usage?: TokenUsage[];
  /** Provider error message for a failed evaluation. */
  errorMessage?: string;
  /** Nugen comparison mode: the second model's scores. */
  comparison?: { model: string; scores?: Scores };
}

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` to get the next page; absent on the last page. */
  nextCursor?: string;
  /** Total number of items when the provider reports it. */
  total?: number;
}
