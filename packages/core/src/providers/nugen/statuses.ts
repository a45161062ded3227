import type { StatusTable } from '../status-table.js';

// Nugen's docs use two casings and vocabularies (QUIRKS NUGEN-5), so it is matched case-insensitively.
export const NUGEN_STATUS_TABLE: StatusTable = {
  statuses: {
    pending: 'queued',
    queued: 'queued',
    processing: 'running',
    in_progress: 'running',
    running: 'running',
    ready: 'completed',
    completed: 'completed',
    evaluated: 'completed',
    failed: 'failed',
    // Not in Nugen's docs; kept so such an answer ends a wait instead of polling on.
    error: 'failed',
    cancelled: 'cancelled',
    canceled: 'cancelled',
    timeout: 'timed_out',
  },
  caseInsensitive: true,
};
