// The badge every front end writes (the Action's badge-path and badge branch, the CLI's --badge): an SVG from
// badge-maker and the shields.io endpoint JSON. A subpath export (`@evalgate/gate/badge`), not in the index, so a
// host that writes no badge never loads badge-maker and its font metrics.
import type { Scores } from '@evalgate/core';
import { makeBadge } from 'badge-maker';
import { formatScore } from './format.js';
import type { Gate, RunStatus } from '../status.js';

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
