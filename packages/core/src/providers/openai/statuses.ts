import type { StatusTable } from '../status-table.js';

// Matched exactly; both spellings of cancelled are accepted.
export const OPENAI_STATUS_TABLE: StatusTable = {
  statuses: {
    queued: 'queued',
    in_progress: 'running',
    completed: 'completed',
    failed: 'failed',
    canceled: 'cancelled',
    cancelled: 'cancelled',
  },
  caseInsensitive: false,
};
