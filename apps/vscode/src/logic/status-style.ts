import type { EvaluationStatus } from '@evalgate/core';

export interface StatusStyle {
  /** Codicon id; `~spin` animates it. */
  iconId: string;
  /** Theme colour id, so the icon follows the user's theme. */
  colorId: string;
  /** Words for descriptions and tooltips. */
  label: string;
}

const STYLES: Record<EvaluationStatus, StatusStyle> = {
  queued: { iconId: 'clock', colorId: 'charts.yellow', label: 'queued' },
  running: { iconId: 'sync~spin', colorId: 'charts.blue', label: 'running' },
  completed: { iconId: 'pass', colorId: 'testing.iconPassed', label: 'completed' },
  failed: { iconId: 'error', colorId: 'testing.iconFailed', label: 'failed' },
  cancelled: { iconId: 'circle-slash', colorId: 'disabledForeground', label: 'cancelled' },
  timed_out: { iconId: 'watch', colorId: 'testing.iconErrored', label: 'timed out' },
  unknown: { iconId: 'question', colorId: 'descriptionForeground', label: 'unknown' },
};

export function statusStyle(status: EvaluationStatus): StatusStyle {
  // An unexpected value (a newer core) falls back instead of crashing the tree.
  return STYLES[status] ?? STYLES.unknown;
}

export const ALL_STATUSES = Object.keys(STYLES) as EvaluationStatus[];
