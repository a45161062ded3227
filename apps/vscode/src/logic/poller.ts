import { classifyError, toLoadFailure } from './error-kind.js';

export interface PollerOptions {
  /** One poll round; throws on failure. What it resolves to is ignored: `needsPolling` decides whether to go on. */
  poll: () => Promise<unknown>;
  /** Whether anything needs polling now (checked before each round). */
  needsPolling: () => boolean;
  /** The regular interval in ms while the view is visible (read on every scheduling, so settings changes apply). */
  intervalMs: () => number;
  /**
   * The interval while the view is hidden, keeping the status bar and finish notifications true; undefined (the
   * default) stops polling while hidden.
   */
  backgroundIntervalMs?: () => number | undefined;
  /** Backoff ceiling in ms (default 5 minutes). */
  maxIntervalMs?: number;
  /** Polling stops this long after it started without pause (default 6 hours); `restart()` starts a new session. */
  sessionDeadlineMs?: number;
  /** Delays of the quick polls after `burst()` (default 500 ms, 1 s, 2 s). */
  burstDelaysMs?: readonly number[];
  now?: () => number;
  /** Told about stops and backoffs, for the log. */
  onLog?: (message: string) => void;
}

export type PollerState = 'stopped' | 'scheduled' | 'polling' | 'expired';

/**
 * Polls with a setTimeout chain: never two rounds at once, only while something is non-terminal, at the regular
 * cadence while the view is visible and the background one (if any) while it is hidden,
 * exponential backoff after errors (at least the server's Retry-After on 429), quick polls right after a cancel,
 * and an overall deadline per polling session.
 */
export class Poller {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private dueAt: number | undefined;
  private inFlight = false;
  private visible = false;
  private disposed = false;
  private expired = false;
  private sessionStartedAt: number | undefined;
  private consecutiveFailures = 0;
  private burstQueue: number[] = [];
  private readonly now: () => number;
  private readonly maxIntervalMs: number;
  private readonly sessionDeadlineMs: number;
  private readonly burstDelaysMs: readonly number[];

  constructor(private readonly options: PollerOptions) {
    this.now = options.now ?? Date.now;
    this.maxIntervalMs = options.maxIntervalMs ?? 5 * 60_000;
    this.sessionDeadlineMs = options.sessionDeadlineMs ?? 6 * 60 * 60_000;
    this.burstDelaysMs = options.burstDelaysMs ?? [500, 1000, 2000];
  }

  get state(): PollerState {
    if (this.inFlight) return 'polling';
    if (this.timer !== undefined) return 'scheduled';
    return this.expired ? 'expired' : 'stopped';
  }

  /** Delay until the next round is due, if one is scheduled (for tests and the log). */
  get nextDelayMs(): number | undefined {
    return this.dueAt === undefined ? undefined : Math.max(0, this.dueAt - this.now());
  }

  /** Visible: the regular cadence. Hidden: the background cadence, or none. A waiting round is rescheduled at once. */
  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    if (this.baseInterval() === undefined) {
      this.stop('the view is hidden');
      return;
    }
    if (this.timer !== undefined) {
      this.clearTimer();
      this.schedule(this.nextDelay());
    } else {
      this.kick();
    }
  }

  /** Something may need polling now (a list loaded, a setting changed): start if idle. */
  kick(): void {
    if (this.disposed || this.expired || this.baseInterval() === undefined || this.inFlight || this.timer !== undefined) return;
    if (!this.options.needsPolling()) return;
    this.sessionStartedAt ??= this.now();
    this.schedule(this.nextDelay());
  }

  /** After a user action such as refresh: forget backoff and an expired deadline, and start again. */
  restart(): void {
    this.clearTimer();
    this.expired = false;
    this.consecutiveFailures = 0;
    this.sessionStartedAt = undefined;
    this.kick();
  }

  /** Quick polls right after a cancel, so the row settles without waiting a whole interval. */
  burst(): void {
    if (this.disposed) return;
    this.expired = false;
    this.burstQueue = [...this.burstDelaysMs];
    if (this.inFlight || !this.visible) return;
    this.clearTimer();
    this.sessionStartedAt ??= this.now();
    if (this.options.needsPolling()) this.schedule(this.nextDelay());
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer();
  }

  private stop(reason: string): void {
    if (this.timer !== undefined || this.sessionStartedAt !== undefined) this.options.onLog?.(`Polling stopped: ${reason}.`);
    this.clearTimer();
    this.sessionStartedAt = undefined;
    this.burstQueue = [];
  }

  private schedule(delayMs: number): void {
    this.dueAt = this.now() + delayMs;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.dueAt = undefined;
      void this.round();
    }, delayMs);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.dueAt = undefined;
  }

  private async round(): Promise<void> {
    if (this.disposed || this.baseInterval() === undefined) return;
    if (!this.options.needsPolling()) {
      this.stop('nothing is queued or running');
      return;
    }
    const startedAt = this.sessionStartedAt ?? this.now();
    if (this.now() - startedAt >= this.sessionDeadlineMs) {
      this.stop(`the ${Math.round(this.sessionDeadlineMs / 60_000)} min deadline passed; refresh to watch again`);
      this.expired = true;
      return;
    }
    this.inFlight = true;
    let retryAfterMs: number | undefined;
    try {
      await this.options.poll();
      this.consecutiveFailures = 0;
    } catch (error) {
      this.consecutiveFailures += 1;
      const failure = toLoadFailure(error);
      retryAfterMs = failure.retryAfterMs;
      this.burstQueue = [];
      const kind = classifyError(error);
      this.options.onLog?.(`Poll failed (${kind === 'rateLimited' ? 'rate limited' : kind}, ${this.consecutiveFailures} in a row): ${failure.message}`);
    } finally {
      this.inFlight = false;
    }
    if (this.disposed || this.baseInterval() === undefined) return;
    if (!this.options.needsPolling()) {
      this.stop('nothing is queued or running');
      return;
    }
    const delay = Math.max(this.nextDelay(), retryAfterMs ?? 0);
    if (this.consecutiveFailures > 0) this.options.onLog?.(`Next poll in ${Math.round(delay / 1000)} s.`);
    this.schedule(delay);
  }

  /** The cadence that applies now: regular while visible, background (or none) while hidden. */
  private baseInterval(): number | undefined {
    return this.visible ? this.options.intervalMs() : this.options.backgroundIntervalMs?.();
  }

  private nextDelay(): number {
    const base = this.baseInterval() ?? this.options.intervalMs();
    if (this.consecutiveFailures > 0) return Math.min(this.maxIntervalMs, base * 2 ** this.consecutiveFailures);
    // Quick polls after a cancel are for the visible row; hidden, the background cadence is enough.
    const burst = this.visible ? this.burstQueue.shift() : undefined;
    return burst ?? base;
  }
}
