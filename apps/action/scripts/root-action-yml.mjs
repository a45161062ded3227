// The repository root's action.yml (so workflows can say `uses: <owner>/evalgate@v1`) is apps/action/action.yml
// with the bundle paths made relative to the root. `node apps/action/scripts/root-action-yml.mjs` rewrites it;
// test/unit/root-action-yml.test.ts fails when the two drift apart.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const APP_ACTION_YML = fileURLToPath(new URL('../action.yml', import.meta.url));
export const ROOT_ACTION_YML = fileURLToPath(new URL('../../../action.yml', import.meta.url));

const HEADER =
  '# Generated from apps/action/action.yml by apps/action/scripts/root-action-yml.mjs: edit that file, then run the script.\n' +
  '# Lets a workflow use the Action from the repository root: uses: <owner>/evalgate@v1\n';

/** apps/action/action.yml as the root needs it: same inputs and outputs, bundle paths under apps/action/. */
export function rootActionYml(appActionYml) {
  const runs = appActionYml.indexOf('\nruns:\n');
  if (runs === -1) throw new Error('apps/action/action.yml has no top-level runs: block');
  const rewritten = appActionYml.slice(runs).replace(/^(\s+(?:main|pre|post):\s*)['"]?(dist\/[^'"\s]+)['"]?[ \t]*$/gm, '$1apps/action/$2');
  return HEADER + appActionYml.slice(0, runs) + rewritten;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(ROOT_ACTION_YML, rootActionYml(readFileSync(APP_ACTION_YML, 'utf8')));
}
