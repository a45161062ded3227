// Bundles the action into dist/ (committed: the runner executes it as is).
import { build } from 'esbuild';
import { rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { actionBundleOptions } from './bundle-options.mjs';
import { versionDefine } from './version-define.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  ...actionBundleOptions,
  absWorkingDir: root,
  entryPoints: { index: 'src/index.ts', post: 'src/post.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.js' },
  define: versionDefine,
});

// dist/ runs as ESM even when copied out of this package.
await writeFile(new URL('../dist/package.json', import.meta.url), '{ "type": "module" }\n');
