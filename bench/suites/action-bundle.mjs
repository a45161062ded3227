// Action bundle: size of apps/action/dist and cold start of `node dist/index.js` to its first request,
// beside a minimal @actions/core + @actions/github action bundled the same way (promptfoo-action is not on npm).
import { execFileSync } from 'node:child_process';
import { readFile, readdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { buildFloorAction } from '../floor-action/build.mjs';
import { coldStartToFirstRequest } from '../lib/first-request.mjs';
import { fromRoot } from '../lib/paths.mjs';
import { median } from '../lib/stats.mjs';

// 21, not 11: on a shared 2-core machine the median of 11 moved by 10 % from run to run; a spawn costs under half a second.
const RUNS = 21;

async function folderBytes(folder) {
  let total = 0;
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath ?? entry.path, entry.name))).size;
  }
  return total;
}

/** Bytes of an ESM entry and every file it imports statically (what a cold start loads; dynamic imports excluded). */
async function staticClosureBytes(entry) {
  const seen = new Set();
  const pending = [entry];
  let total = 0;
  while (pending.length > 0) {
    const file = pending.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const text = await readFile(file, 'utf8');
    total += Buffer.byteLength(text);
    for (const match of text.matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+)["']/g)) pending.push(resolve(dirname(file), match[1]));
  }
  return total;
}

/**
 * The Node the runner gives the Action (action.yml: node24) when one is at hand: EVALGATE_E2E_NODE, as the e2e suite
 * uses it (.ci/setup-vscode-offline.sh fetches one); else the Node running the bench. Both bundles run under the same.
 */
function runnerNode() {
  const node = process.env.EVALGATE_E2E_NODE || process.execPath;
  return { node, version: execFileSync(node, ['--version'], { encoding: 'utf8' }).trim() };
}

/** Alternates the two bundles run by run, so background load hits both alike. */
async function interleavedColdStarts(subjects, node) {
  const runs = subjects.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    for (const [index, { entry, inputs }] of subjects.entries()) runs[index].push(await coldStartToFirstRequest(entry, inputs, node));
  }
  return runs.map((list) => ({ ms: median(list.map((run) => run.ms)), first: `${list[0].method} ${list[0].path.split('?')[0]}` }));
}

export async function runActionBundleBenchmarks(log) {
  const dist = fromRoot('apps/action/dist/');
  log('action: building the floor action (bench/floor-action) with the same esbuild settings');
  const floorDist = await buildFloorAction();
  const size = await folderBytes(dist);
  const floorSize = await folderBytes(floorDist);
  const eager = await staticClosureBytes(join(dist, 'index.js'));
  const floorEager = await staticClosureBytes(join(floorDist, 'index.js'));

  const { node, version } = runnerNode();
  log(`action: cold start to first request under Node ${version}, median of ${RUNS} spawns each`);
  const [evalgate, floor] = await interleavedColdStarts(
    [
      {
        entry: join(dist, 'index.js'),
        inputs: (url) => ({
          provider: 'prime',
          'api-key': 'bench-provider-key',
          'base-url': url,
          environments: 'gsm8k',
          'inference-model': 'llama-3-8b',
          'github-token': 'ghs_benchToken',
          'poll-interval-seconds': '5',
          'timeout-minutes': '5',
        }),
      },
      { entry: join(floorDist, 'index.js'), inputs: () => ({ 'github-token': 'ghs_benchToken' }) },
    ],
    node,
  );

  const label = 'minimal @actions/core + @actions/github action';
  return {
    rows: [
      {
        id: 'action.bundle.size',
        figure: 'action bundle: apps/action/dist, all files',
        evalgate: size / 1024,
        reference: floorSize / 1024,
        referenceLabel: label,
        unit: 'KiB',
      },
      {
        id: 'action.bundle.eager',
        figure: 'action bundle: loaded at start (index.js + static imports)',
        evalgate: eager / 1024,
        reference: floorEager / 1024,
        referenceLabel: label,
        unit: 'KiB',
      },
      {
        id: 'action.coldstart',
        figure: 'action cold start: spawn of node dist/index.js to first request',
        evalgate: evalgate.ms,
        reference: floor.ms,
        referenceLabel: label,
        unit: 'ms',
      },
    ],
    notes: [
      'promptfoo-action is not published on the npm registry (promptfoo-action and @promptfoo/action answer 404), so the action figures compare with a minimal @actions/core + @actions/github action bundled the same way (bench/floor-action).',
      `Cold start first requests: evalgate ${evalgate.first}; floor ${floor.first}. Both under Node ${version}.`,
    ],
  };
}
