import type { BadgePaths, GateSettings } from '@evalgate/gate';

/**
 * The gate's settings plus the Action's own inputs. No secret is in it: main() reads the API key and the GitHub
 * token once, with the other inputs, and hands them to the clients and the one redactor.
 */
export interface ActionInputs extends GateSettings {
  comment: 'upsert' | 'off';
  badge?: BadgePaths;
  /** badge-branch: where a run on the default branch commits its badge. */
  badgeBranch?: string;
}
