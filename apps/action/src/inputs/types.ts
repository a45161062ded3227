import type { BadgePaths, GateSettings } from '@evalgate/gate';

/** The gate's settings plus the Action's own inputs. The API key is not in it: main() reads it once, apart. */
export interface ActionInputs extends GateSettings {
  comment: 'upsert' | 'off';
  badge?: BadgePaths;
  /** badge-branch: where a run on the default branch commits its badge. */
  badgeBranch?: string;
  githubToken?: string;
}
