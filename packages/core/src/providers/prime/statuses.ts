import type { StatusTable } from '../status-table.js';

// Matched exactly: Prime documents one casing.
export const PRIME_STATUS_TABLE: StatusTable = {
  statuses: {
    PENDING: 'queued',
    RUNNING: 'running',
    PROCESSING: 'running',
    COMPLETED: 'completed',
    FAILED: 'failed',
    CANCELLED: 'cancelled',
    TIMEOUT: 'timed_out',
  },
  caseInsensitive: false,
};
