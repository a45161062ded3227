import type { EvaluationStatus, Progress } from '../../domain/evaluation.js';
import { lookupStatus } from '../status-table.js';
import { NUGEN_STATUS_TABLE } from './statuses.js';
import type { NugenStatusWire } from './wire.js';

/**
 * Nugen's status in either casing and vocabulary (NUGEN-5): ready/completed/evaluated end well, failed ends badly,
 * pending waits in the queue, and anything else (PROCESSING, in_progress, a word not seen yet) is still running.
 */
export function nugenStatusOf(raw: string): EvaluationStatus {
  const status = lookupStatus(NUGEN_STATUS_TABLE, raw);
  return status === 'unknown' ? 'running' : status;
}

const DISPLAY_PROGRESS = /^\s*(\d+)\s*\/\s*(\d+)/;

/** The integer counters when sent; the display string ("5/10 questions") only when they are null (NUGEN-1). */
export function nugenProgress(wire: NugenStatusWire): Progress | undefined {
  const display = typeof wire.progress === 'string' ? DISPLAY_PROGRESS.exec(wire.progress) : null;
  const completed = wire.questions_completed ?? (display ? Number(display[1]) : undefined);
  const total = wire.total_questions ?? (display ? Number(display[2]) : undefined);
  const etaSeconds = wire.eta_seconds ?? undefined;
  const fraction = completed !== undefined && total !== undefined && total > 0 ? Math.min(1, Math.max(0, completed / total)) : undefined;
  const progress: Progress = {
    ...(fraction !== undefined ? { fraction } : {}),
    ...(completed !== undefined && Number.isSafeInteger(completed) ? { completed } : {}),
    ...(total !== undefined && Number.isSafeInteger(total) ? { total } : {}),
    ...(etaSeconds !== undefined ? { etaSeconds } : {}),
  };
  return Object.keys(progress).length > 0 ? progress : undefined;
}
