import type { StatusTable } from '@evalgate/core/testing';

export const ACME_STATUS_TABLE: StatusTable = {
  statuses: { WAITING: 'queued', WORKING: 'running', DONE: 'completed', BROKEN: 'failed', STOPPED: 'cancelled' },
  caseInsensitive: false,
};
