// Bundles the extension and @evalgate/core (with zod) into one CommonJS file; `vscode` is provided by the editor.
import { build } from 'esbuild';

const production = process.argv.includes('--production');

await build({
  entryPoints: [new URL('../src/extension.ts', import.meta.url).pathname],
  outfile: new URL('../dist/extension.js', import.meta.url).pathname,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  // VS Code 1.90 runs extensions on Node 18.
  target: 'node18',
  external: ['vscode'],
  sourcemap: true,
  minify: production,
  logLevel: 'info',
});
