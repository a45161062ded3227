import type { BadgePaths, GateSettings } from '@evalgate/gate';

/** The gate's settings plus the Action's own inputs. The API key is not in it: main() reads it once, apart. */
export interface ActionInputs extends GateSettings {
  comment: 'upsert' | 'off';
  badge?: BadgePaths;
  githubToken?: string;
}
