/** The emulator's control operations, shared by the programmatic API and the `/__emulator/*` routes. */
import { z } from 'zod';
import type { FaultSpec } from './faults.js';
import type { Phase } from './lifecycle.js';
import { effectiveState } from './lifecycle.js';
import type { ProviderApi } from './providers/provider.js';
import { providerSchema } from './providers/registry.js';
import type { EmulatorState } from './state.js';
import { OPENAI_CANCEL_PATHS, type OpenAICancelPaths, type Outcome, type Provider } from './types.js';
import { parseOrThrow } from './zod-issues.js';

export const configureSchema = z
  .object({
    durationMs: z.number().int().nonnegative().optional(),
    sampleCount: z.number().int().min(1).max(100_000).optional(),
    scores: z.array(z.number().min(0).max(1)).min(1).nullable().optional(),
    outcome: z.enum(['completed', 'failed', 'timeout']).optional(),
    openaiCancelPaths: z.enum(OPENAI_CANCEL_PATHS as [OpenAICancelPaths, ...OpenAICancelPaths[]]).optional(),
    primeListOrder: z.enum(['newest-first', 'oldest-first', 'shuffled']).optional(),
    primeInitialStatus: z.enum(['PENDING', 'RUNNING']).nullable().optional(),
    nugenStatusCase: z.enum(['upper', 'lower']).optional(),
    nugenListOrder: z.enum(['newest-first', 'oldest-first']).optional(),
  })
  .strict();

export type ConfigureInput = z.input<typeof configureSchema>;

export const setStatusSchema = z.object({ provider: providerSchema, id: z.string().min(1), status: z.string().min(1).nullable() }).strict();

export const seedSchema = z.object({ provider: providerSchema, count: z.number().int().min(1).max(100_000) }).strict();

/** One simulated evaluation as the emulator sees it (for assertions and benchmarks). */
export interface EvaluationSnapshot {
  provider: Provider;
  id: string;
  ordinal: number;
  /** ms since epoch on the emulator clock. */
  createdAt: number;
  /** ms when it became terminal; null while it is not. */
  terminalAt: number | null;
  /** The raw status the provider shows now. */
  status: string;
  phase: Phase;
  progress: number;
  durationMs: number;
  outcome: Outcome;
  scores: number[];
  forcedStatus: string | null;
}

export class UnknownEvaluationError extends Error {}

export class Controller {
  constructor(
    private readonly state: EmulatorState,
    private readonly providers: ReadonlyMap<Provider, ProviderApi>,
  ) {}

  private api(provider: Provider): ProviderApi {
    const api = this.providers.get(provider);
    // Only a provider registered after this emulator started gets here; its schema check passed.
    if (!api) throw new UnknownEvaluationError(`this emulator was started before provider "${provider}" was registered`);
    return api;
  }

  configure(input: ConfigureInput): void {
    const parsed = parseOrThrow(configureSchema, input, 'configure settings');
    const settings = this.state.settings;
    if (parsed.durationMs !== undefined) settings.durationMs = parsed.durationMs;
    if (parsed.sampleCount !== undefined) settings.sampleCount = parsed.sampleCount;
    if (parsed.scores !== undefined) settings.scores = parsed.scores;
    if (parsed.outcome !== undefined) settings.outcome = parsed.outcome;
    if (parsed.openaiCancelPaths !== undefined) settings.openaiCancelPaths = parsed.openaiCancelPaths;
    if (parsed.primeListOrder !== undefined) settings.primeListOrder = parsed.primeListOrder;
    if (parsed.primeInitialStatus !== undefined) settings.primeInitialStatus = parsed.primeInitialStatus;
    if (parsed.nugenStatusCase !== undefined) settings.nugenStatusCase = parsed.nugenStatusCase;
    if (parsed.nugenListOrder !== undefined) settings.nugenListOrder = parsed.nugenListOrder;
  }

  addFault(spec: FaultSpec): void {
    this.state.faults.add(spec);
  }

  clearFaults(): void {
    this.state.faults.clear();
  }

  setStatus(provider: Provider, id: string, rawStatus: string | null): void {
    parseOrThrow(setStatusSchema, { provider, id, status: rawStatus }, 'setStatus arguments');
    const record = this.api(provider).find(id);
    if (!record) throw new UnknownEvaluationError(`no ${provider} evaluation with id "${id}"`);
    record.sim.forcedStatus = rawStatus;
    record.sim.forcedAt = rawStatus === null ? null : this.state.clock();
  }

  seed(provider: Provider, count: number): void {
    parseOrThrow(seedSchema, { provider, count }, 'seed arguments');
    this.api(provider).seed(count);
  }

  evaluations(provider: Provider): EvaluationSnapshot[] {
    const api = this.api(provider);
    const now = this.state.clock();
    return api.records().map((record) => {
      const forced = record.sim.forcedStatus;
      const lifecycle = effectiveState(record.sim, now, forced === null ? null : api.phaseOfRaw(forced));
      return {
        provider,
        id: record.id,
        ordinal: record.ordinal,
        createdAt: record.sim.createdAt,
        terminalAt: lifecycle.terminalAt,
        status: forced ?? api.rawStatus(lifecycle.phase),
        phase: lifecycle.phase,
        progress: lifecycle.progress,
        durationMs: record.sim.durationMs,
        outcome: record.sim.outcome,
        scores: [...record.scores],
        forcedStatus: forced,
      };
    });
  }

  reset(): void {
    this.state.reset();
    for (const api of this.providers.values()) api.initialize();
  }
}
