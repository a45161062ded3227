// Compiles the in-editor suite (test/integration/**/*.ts) to CommonJS in out/test/integration, the form both
// runners load into VS Code's extension host. One bundle per entry so each suite file stands alone under
// @vscode/test-cli; vscode, mocha and zod are resolved from node_modules at run time.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { versionDefine } from '../version-define.mjs';

const appRoot = fileURLToPath(new URL('../../', import.meta.url));
const sourceDir = join(appRoot, 'test', 'integration');
const outDir = join(appRoot, 'out', 'test', 'integration');

const entryPoints = [
  join(sourceDir, 'index.ts'),
  ...readdirSync(join(sourceDir, 'suite'))
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => join(sourceDir, 'suite', file)),
];

rmSync(outDir, { recursive: true, force: true });
await build({
  entryPoints,
  outdir: outDir,
  outbase: sourceDir,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: 'inline',
  external: ['vscode', 'mocha', 'zod'],
  define: versionDefine,
  logLevel: 'warning',
});
console.log(`in-editor suite: ${entryPoints.length} entries compiled to ${outDir}`);
