// Bundles the CLI into one file (dist/evalgate.js) with a node shebang, so the package installs on its own with no
// dependencies; the committed bin/evalgate.js launcher loads it.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { versionDefine } from './version-define.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { evalgate: 'src/index.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  define: versionDefine,
  // Some bundled dependencies are CommonJS and call require; ESM output needs a real one.
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
