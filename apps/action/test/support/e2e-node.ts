// The Node that runs the Action's bundle in the end-to-end suite. action.yml says `using: nodeNN`; CI sets
// EVALGATE_E2E_NODE to that Node (.ci/run installs it, the workflows use .node-version), and the suite refuses to
// run the bundle under another one rather than pass on the wrong runtime. Unset, it uses the Node running vitest.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const ACTION_YML = new URL('../../action.yml', import.meta.url);

/** The Node major the runner uses for the Action: `runs.using: node24` gives 24. */
export function actionNodeMajor(actionYml = readFileSync(ACTION_YML, 'utf8')): number {
  const match = /^\s*using:\s*['"]?node(\d+)['"]?\s*$/m.exec(actionYml);
  if (!match) throw new Error('action.yml has no `runs.using: node<major>` line');
  return Number(match[1]);
}

/** The node binary for the bundle: EVALGATE_E2E_NODE when set (checked to be the Action's major), else this Node. */
export function e2eNode(env: NodeJS.ProcessEnv = process.env, major = actionNodeMajor()): string {
  const binary = env.EVALGATE_E2E_NODE;
  if (binary === undefined || binary === '') return process.execPath;
  let version: string;
  try {
    version = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
  } catch (error) {
    throw new Error(`EVALGATE_E2E_NODE=${binary} does not run (${(error as Error).message}): point it at a Node ${major} binary`);
  }
  if (!version.startsWith(`v${major}.`)) {
    throw new Error(`EVALGATE_E2E_NODE=${binary} is Node ${version}, but action.yml runs the Action on node${major}: point it at a Node ${major} binary`);
  }
  return binary;
}
