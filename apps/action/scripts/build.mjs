// Bundles the action into dist/ (committed: the runner executes it as is) and the GitHub stand-in into dist-dev/
// (not committed: the demo and tests use it).
import { build } from 'esbuild';
import { rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { actionBundleOptions } from './bundle-options.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));


await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  ...actionBundleOptions,
  absWorkingDir: root,
  entryPoints: { index: 'src/index.ts', post: 'src/post.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.js' },
});

// dist/ runs as ESM even when copied out of this package.
await writeFile(new URL('../dist/package.json', import.meta.url), '{ "type": "module" }\n');

await build({
  absWorkingDir: root,
  entryPoints: { 'github-stand-in': 'src/testing/github-stand-in.ts' },
  outdir: 'dist-dev',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: false,
  logLevel: 'warning',
});
