import { isTerminal, type Evaluation } from '@evalgate/core';
import { lookupStatus, stringRecord, toDate } from '@evalgate/core/testing';
import { ACME_STATUS_TABLE } from './statuses.js';
import type { AcmeJobWire } from './wire.js';

export function mapAcmeJob(job: AcmeJobWire): Evaluation {
  const status = lookupStatus(ACME_STATUS_TABLE, job.state);
  const { done, total } = job;
  const progress =
    typeof done === 'number' && typeof total === 'number' && total > 0 ? { completed: done, total, fraction: Math.min(1, done / total) } : undefined;
  const createdAt = toDate(job.created);
  const metadata = stringRecord(job.labels);
  const scored = status === 'completed' && typeof job.score_mean === 'number' && typeof total === 'number' && total > 0;
  return {
    provider: 'acme',
    id: job.id,
    name: `${job.suite} · ${job.model}`,
    status,
    rawStatus: job.state,
    model: job.model,
    capabilities: { canCancel: !isTerminal(status), canFinalize: false },
    ...(progress ? { progress } : {}),
    ...(scored ? { scores: { avg: job.score_mean!, min: job.score_mean!, max: job.score_mean!, count: total } } : {}),
    ...(createdAt ? { createdAt } : {}),
    ...(metadata ? { metadata } : {}),
  };
}
