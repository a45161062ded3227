/** Counts requests in flight so callers (tests, the API's `whenIdle`) can wait until none is. */
export class InFlightTracker {
  private count = 0;
  private waiters: Array<() => void> = [];

  get busy(): boolean {
    return this.count > 0;
  }

  async track<T>(work: () => Promise<T>): Promise<T> {
    this.count += 1;
    try {
      return await work();
    } finally {
      this.count -= 1;
      if (this.count === 0) this.release();
    }
  }

  /** Resolves once nothing is in flight; a request started while waiting is waited for too. */
  async whenIdle(): Promise<void> {
    while (this.count > 0) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
      // Let continuations of the finished request run: they may start the next one in the chain.
      await Promise.resolve();
    }
  }

  private release(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
