import type { EvaluationStatus } from '@evalgate/core';

export interface StatusChange {
  status: EvaluationStatus;
  rawStatus: string;
  /** When the extension saw it (ms since epoch). */
  seenAt: number;
}

/** The statuses an evaluation was seen in, in order: a new entry only when the raw status changed. Bounded. */
export class StatusTimeline {
  private readonly changes: StatusChange[] = [];

  constructor(private readonly limit = 50) {}

  /** Records the status if it differs from the last one seen; true when it did. */
  record(status: EvaluationStatus, rawStatus: string, seenAt: number): boolean {
    const last = this.changes.at(-1);
    if (last && last.rawStatus === rawStatus && last.status === status) return false;
    this.changes.push({ status, rawStatus, seenAt });
    // Keep the first (how it started) and the most recent ones.
    if (this.changes.length > this.limit) this.changes.splice(1, 1);
    return true;
  }

  entries(): readonly StatusChange[] {
    return this.changes;
  }
}
