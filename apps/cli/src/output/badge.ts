// The same badge the Action writes (apps/action/src/badge): an SVG from badge-maker and the shields.io endpoint JSON.
import { formatScore } from '@evalgate/core';
import { makeBadge } from 'badge-maker';
import type { Gate, Outcome } from '../outcome/types.js';

const COLORS: Record<Gate, string> = { pass: 'brightgreen', fail: 'red', inconclusive: 'lightgrey' };

export interface BadgeFiles {
  svg: string;
  json: string;
}

export function renderBadge(label: string, outcome: Outcome): BadgeFiles {
  const scores = outcome.evaluation?.scores;
  const message = scores && scores.count > 0 ? `${outcome.gate} · avg ${formatScore(scores.avg)}` : outcome.status.replaceAll('_', ' ');
  const color = COLORS[outcome.gate];
  return {
    svg: makeBadge({ label, message, color }),
    json: `${JSON.stringify({ schemaVersion: 1, label, message, color }, null, 2)}\n`,
  };
}
