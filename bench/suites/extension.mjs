// Extension: cold activation of the shipped bundle, .vsix size, and listing 10,000 evaluations into the tree model.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { startEmulator } from '@evalgate/emulator';
import { bundleExports } from '../lib/bundle-logic.mjs';
import { runJson } from '../lib/child.mjs';
import { benchDir, fromRoot } from '../lib/paths.mjs';
import { median } from '../lib/stats.mjs';

const exec = promisify(execFile);
const ACTIVATION_RUNS = 15;
const LIST_RUNS = 3;
const LIST_COUNT = 10_000;
const EDITOR_RUNS = 5;
const API_KEY = 'bench-key';
// vsce as the extension's workspace resolves it (it is the extension's dev dependency).
const vsce = join(dirname(createRequire(fromRoot('apps/vscode/package.json')).resolve('@vscode/vsce/package.json')), 'vsce');

/** `vsce package` as `npm run package` does it (its prepublish builds the minified bundle); returns the size. */
async function packageVsix(folder, outDir, name) {
  const out = join(outDir, `${name}.vsix`);
  await exec(process.execPath, [vsce, 'package', '--no-dependencies', '-o', out], { cwd: folder, timeout: 120_000 });
  return (await stat(out)).size;
}

async function medianActivation(bundle) {
  const runs = [];
  for (let i = 0; i < ACTIVATION_RUNS; i++) runs.push(await runJson([`${benchDir}probes/activate-extension.cjs`, bundle]));
  if (!runs.every((run) => run.returnedApi)) throw new Error(`activate() of ${bundle} returned nothing`);
  return { total: median(runs.map((run) => run.requireMs + run.activateMs)), activate: median(runs.map((run) => run.activateMs)) };
}

/**
 * Activation in a real VS Code (code-server's web build, the in-editor suite's setup), as the editor reports it in
 * "Developer: Show Running Extensions": each .vsix installed, a fresh window per run, evalgate activated by opening its
 * view, the Hello World reference by its command. Median per extension.
 */
async function editorActivation(evalgateVsix, floorVsix, log) {
  const harness = await import(pathToFileURL(fromRoot('apps/vscode/scripts/in-editor/activation.mjs')).href);
  const samples = await harness.measureEditorActivation({
    runs: EDITOR_RUNS,
    log: (message) => log(`extension (in editor): ${message}`),
    extensions: [
      {
        name: 'evalgate',
        vsix: evalgateVsix,
        extensionId: 'evalgate.evalgate-vscode',
        displayName: 'evalgate: Evaluations',
        trigger: harness.openEvaluationsView,
      },
      {
        name: 'floor',
        vsix: floorVsix,
        extensionId: 'evalgate.floor-extension',
        displayName: 'Floor extension (benchmark reference)',
        trigger: harness.runPaletteCommand('Hello World'),
      },
    ],
  });
  log(`extension (in editor): evalgate ${samples.evalgate.join(', ')} ms; Hello World ${samples.floor.join(', ')} ms`);
  return { evalgate: median(samples.evalgate), floor: median(samples.floor) };
}

async function listIntoTree(logic) {
  const emu = await startEmulator({ apiKey: API_KEY, durationMs: 1000 });
  try {
    emu.seed('prime', LIST_COUNT);
    const measure = async (mode) => {
      const runs = [];
      for (let i = 0; i < LIST_RUNS; i++) {
        runs.push(await runJson(['--expose-gc', `${benchDir}probes/list-into-tree.mjs`, logic, emu.baseUrls.prime, API_KEY, mode]));
      }
      const last = runs.at(-1);
      if (last.items !== LIST_COUNT) throw new Error(`${mode}: listed ${last.items} of ${LIST_COUNT} evaluations`);
      if (mode === 'store' && last.rows !== LIST_COUNT) throw new Error(`tree model built ${last.rows} rows for ${LIST_COUNT} evaluations`);
      return { ms: median(runs.map((run) => run.ms)), heap: median(runs.map((run) => run.heapDeltaBytes)), requests: last.requests };
    };
    return { store: await measure('store'), plain: await measure('plain') };
  } finally {
    await emu.close();
  }
}

export async function runExtensionBenchmarks(log) {
  const scratch = await mkdtemp(join(os.tmpdir(), 'evalgate-bench-'));
  try {
    log('extension: packaging the .vsix (vsce, minified bundle) and the floor extension');
    const vsix = await packageVsix(fromRoot('apps/vscode'), scratch, 'evalgate');
    const floorVsix = await packageVsix(`${benchDir}floor-extension`, scratch, 'floor');
    const bundle = fromRoot('apps/vscode/dist/extension.js');
    const bundleSize = (await stat(bundle)).size;

    log(`extension: cold activation, median of ${ACTIVATION_RUNS} fresh processes`);
    const activation = await medianActivation(bundle);
    const floorActivation = await medianActivation(`${benchDir}floor-extension/extension.js`);

    log('extension: 10,000 evaluations into the tree model');
    const logic = await bundleExports('vscode-logic', {
      'EvaluationStore, rootNodes, childNodes': 'evalgate-vscode/logic',
    });
    const list = await listIntoTree(logic);

    log(`extension: activation in a real VS Code (code-server), ${EDITOR_RUNS} fresh windows per extension`);
    const notes = [];
    const editor = await editorActivation(join(scratch, 'evalgate.vsix'), join(scratch, 'floor.vsix'), log).catch((error) => {
      notes.push(`extension activation in a real VS Code not measured: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      return undefined;
    });

    const floor = 'Hello World extension';
    const rows = [
      {
        id: 'extension.activation',
        figure: 'extension cold activation: require(dist/extension.js) + activate()',
        evalgate: activation.total,
        reference: floorActivation.total,
        referenceLabel: floor,
        unit: 'ms',
      },
      ...(editor
        ? [
            {
              id: 'extension.activation.editor',
              figure: `extension activation in VS Code 1.139 (code-server), as Show Running Extensions reports it, median of ${EDITOR_RUNS} windows`,
              evalgate: editor.evalgate,
              reference: editor.floor,
              referenceLabel: floor,
              unit: 'ms',
            },
          ]
        : []),
      { id: 'extension.vsix', figure: 'extension .vsix size', evalgate: vsix / 1024, reference: floorVsix / 1024, referenceLabel: floor, unit: 'KiB' },
      { id: 'extension.bundle', figure: 'extension dist/extension.js (minified, shipped in the .vsix)', evalgate: bundleSize / 1024, unit: 'KiB' },
      {
        id: 'extension.list10k.time',
        figure: `10,000 evaluations into the tree model (${list.store.requests} pages of 50)`,
        evalgate: list.store.ms,
        reference: list.plain.ms,
        referenceLabel: 'core list() into an array',
        unit: 'ms',
      },
      {
        id: 'extension.list10k.heap',
        figure: '10,000 evaluations into the tree model: heap delta',
        evalgate: list.store.heap / 2 ** 20,
        reference: list.plain.heap / 2 ** 20,
        referenceLabel: 'core list() into an array',
        unit: 'MiB',
      },
    ];
    return { rows, notes };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
