/** Shared vocabulary of the emulator: providers, how a simulated evaluation ends, and the runtime settings. */
import type { EMULATED_PROVIDERS } from './providers/registry.js';
import type { TestProviders } from './testing.js';

/** The providers the emulator serves: the names in its registry (plus, in tests only, the test providers). */
// eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents -- the test-only part is `never` in every build and in this package's own program; tests elsewhere fill it
export type Provider = (typeof EMULATED_PROVIDERS)[number]['name'] | Extract<keyof TestProviders, string>;

/** How evaluations created from now on end when nobody cancels them. */
export type Outcome = 'completed' | 'failed' | 'timeout';

/** Settings applied to evaluations created after they are set. */
export interface EmulatorSettings {
  /** Simulated run time from creation to terminal; the first 10% is spent queued. */
  durationMs: number;
  /** Number of simulated samples (questions, output items) per evaluation. */
  sampleCount: number;
  /** Exact per-sample scores for evaluations created next; overrides the seeded ones (and sampleCount). */
  scores: number[] | null;
  outcome: Outcome;
  /** Prime list order (undocumented, QUIRKS PRIME-3): newest-first (default), oldest-first or a seeded shuffle. */
  primeListOrder: PrimeListOrder;
  /** Raw status Prime evaluations show before they move on; null: PENDING for hosted runs, RUNNING for pushed ones. */
  primeInitialStatus: 'PENDING' | 'RUNNING' | null;
  /**
   * Which OpenAI cancel paths exist (QUIRKS OPENAI-1): `both` (default), `cancel-suffix` (only
   * `POST …/runs/{run_id}/cancel`, as current SDKs call it) or `bare` (only `POST …/runs/{run_id}`, the spec's path key).
   */
  openaiCancelPaths: OpenAICancelPaths;
  /**
   * Nugen's status vocabulary (QUIRKS NUGEN-5): `upper` is the newer docs' PROCESSING/READY/FAILED, `lower` the older
   * pending/in_progress/completed/failed. Applies to every Nugen answer from the moment it is set.
   */
  nugenStatusCase: NugenStatusCase;
  /** Nugen's list order, which the docs leave open (NUGEN-11). */
  nugenListOrder: NugenListOrder;
}

export type PrimeListOrder = 'newest-first' | 'oldest-first' | 'shuffled';

export type NugenStatusCase = 'upper' | 'lower';
export type NugenListOrder = 'newest-first' | 'oldest-first';

export type OpenAICancelPaths = 'both' | 'cancel-suffix' | 'bare';
export const OPENAI_CANCEL_PATHS: readonly OpenAICancelPaths[] = ['both', 'cancel-suffix', 'bare'];

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The Bearer key every provider route requires. Default `test-key`. */
  apiKey?: string;
  /** Seed of the score generator; the same seed gives the same scores. Default 1. */
  seed?: number;
  /** Default 2000. */
  durationMs?: number;
  /** Default 20. */
  sampleCount?: number;
  outcome?: Outcome;
  /** Default `both`. */
  openaiCancelPaths?: OpenAICancelPaths;
  /** Injectable clock (ms since epoch); lifecycle states are derived from it lazily. Default Date.now. */
  now?: () => number;
}
