/** Everything the emulator remembers between requests, and how new simulated evaluations are set up. */
import { FaultQueue } from './faults.js';
import type { Simulation } from './lifecycle.js';
import { RequestLog } from './request-log.js';
import { seededScores } from './random.js';
import { Store } from './store.js';
import type { EmulatorSettings, Provider } from './types.js';

export interface NewSimulation {
  ordinal: number;
  sim: Simulation;
  scores: number[];
}

export class EmulatorState {
  settings: EmulatorSettings;
  store = new Store();
  readonly faults = new FaultQueue();
  readonly log = new RequestLog();
  /** Origin the server listens on, for viewer/report URLs. */
  origin = '';
  private ordinals = new Map<Provider, number>();

  constructor(
    private readonly defaults: EmulatorSettings,
    readonly seed: number,
    readonly clock: () => number,
  ) {
    this.settings = { ...defaults };
  }

  /** A new simulation under the current settings; `createdAt` defaults to now. */
  newSimulation(provider: Provider, options: { clientDriven?: boolean; createdAt?: number | undefined } = {}): NewSimulation {
    const ordinal = (this.ordinals.get(provider) ?? 0) + 1;
    this.ordinals.set(provider, ordinal);
    const { settings } = this;
    const scores = settings.scores ? [...settings.scores] : seededScores(this.seed, ordinal, settings.sampleCount);
    const sim: Simulation = {
      createdAt: options.createdAt ?? this.clock(),
      durationMs: settings.durationMs,
      outcome: settings.outcome,
      clientDriven: options.clientDriven ?? false,
      finalizedAt: null,
      cancelledAt: null,
      forcedStatus: null,
      forcedAt: null,
    };
    return { ordinal, sim, scores: options.clientDriven ? [] : scores };
  }

  /** Extra seeded scores (Nugen comparison mode), independent of the primary ones. */
  secondaryScores(ordinal: number, count: number): number[] {
    return seededScores(this.seed + 0x9e3779b9, ordinal, count);
  }

  reset(): void {
    this.settings = { ...this.defaults };
    this.store = new Store();
    this.faults.clear();
    this.log.clear();
    this.ordinals.clear();
  }
}
