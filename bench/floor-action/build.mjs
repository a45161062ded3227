// Bundles the floor action exactly as apps/action/scripts/build.mjs bundles evalgate's (ESM, node20, minified,
// no source map or legal comments, the createRequire banner), into bench/floor-action/dist/.
import { build } from 'esbuild';
import { rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const banner = { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" };

export async function buildFloorAction() {
  await rm(new URL('dist', import.meta.url), { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: { index: 'src/index.js' },
    outdir: 'dist',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    banner,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
  });
  await writeFile(new URL('dist/package.json', import.meta.url), '{ "type": "module" }\n');
  return fileURLToPath(new URL('dist/', import.meta.url));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildFloorAction();
