// Bundles the floor action with the same esbuild settings as evalgate's action (apps/action/scripts/bundle-options.mjs),
// into bench/floor-action/dist/.
import { build } from 'esbuild';
import { rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { actionBundleOptions } from '@evalgate/action/bundle-options';

const root = fileURLToPath(new URL('.', import.meta.url));

export async function buildFloorAction() {
  await rm(new URL('dist', import.meta.url), { recursive: true, force: true });
  await build({
    ...actionBundleOptions,
    absWorkingDir: root,
    entryPoints: { index: 'src/index.js' },
    outdir: 'dist',
  });
  await writeFile(new URL('dist/package.json', import.meta.url), '{ "type": "module" }\n');
  return fileURLToPath(new URL('dist/', import.meta.url));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildFloorAction();
