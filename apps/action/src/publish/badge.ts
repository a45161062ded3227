import { makeBadge } from 'badge-maker';
import type { Scores } from '@evalgate/core';
import { formatScore, type Gate, type RunStatus } from '@evalgate/gate';

const COLORS: Record<Gate, string> = { pass: 'brightgreen', fail: 'red', inconclusive: 'lightgrey' };

/** shields.io endpoint JSON (https://shields.io/badges/endpoint-badge). */
export interface ShieldsEndpoint {
  schemaVersion: 1;
  label: string;
  message: string;
  color: string;
}

export interface BadgeFiles {
  svg: string;
  json: string;
}

/** The SVG and the endpoint JSON for a result, coloured by the gate. */
export function renderBadge(label: string, gate: Gate, scores: Scores | undefined, status: RunStatus): BadgeFiles {
  const message = scores && scores.count > 0 ? `${gate} · avg ${formatScore(scores.avg)}` : status.replaceAll('_', ' ');
  const endpoint: ShieldsEndpoint = { schemaVersion: 1, label, message, color: COLORS[gate] };
  const svg = makeBadge({ label, message, color: COLORS[gate] });
  return { svg, json: `${JSON.stringify(endpoint, null, 2)}\n` };
}
