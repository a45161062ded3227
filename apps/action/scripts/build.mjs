// Bundles the action into dist/ (committed: the runner executes it as is) and the GitHub stand-in into dist-dev/
// (not committed: the demo and tests use it).
import { build } from 'esbuild';
import { rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// @actions/* 3+/9+ are ESM-only with CJS dependencies inside: an ESM bundle needs a real `require`.
const banner = { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" };

await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { index: 'src/index.ts', post: 'src/post.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  banner,
  // index and post share most code, and the badge fonts (~0.9 MB) load only when a badge is asked for.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.js' },
  logLevel: 'warning',
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
