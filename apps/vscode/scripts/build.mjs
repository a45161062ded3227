// Bundles the extension and @evalgate/core (with zod) into one CommonJS file; `vscode` is provided by the editor.
// `--analyze` prints the bundle's bytes per package (from esbuild's metafile) to see what to shrink.
import { build } from 'esbuild';
import { versionDefine } from './version-define.mjs';

const production = process.argv.includes('--production');
const analyze = process.argv.includes('--analyze');

// The bundle stays small because core and the extension import `zod/mini` as a namespace (`import * as z`), which
// esbuild tree-shakes to the schemas used; classic `zod` would add about 150 KB (test/unit/bundle-size.test.ts).
const result = await build({
  entryPoints: [new URL('../src/extension.ts', import.meta.url).pathname],
  outfile: new URL('../dist/extension.js', import.meta.url).pathname,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  // VS Code 1.90 runs extensions on Node 18.
  target: 'node18',
  external: ['vscode'],
  define: versionDefine,
  sourcemap: true,
  minify: production,
  metafile: analyze,
  logLevel: 'info',
});

if (analyze && result.metafile) {
  const bytesByPackage = new Map();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const pkg =
        /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ??
        (/^\.\.\/\.\.\/packages\/([^/]+)/.exec(input)?.[1] ? `@evalgate/${/^\.\.\/\.\.\/packages\/([^/]+)/.exec(input)[1]}` : 'evalgate-vscode');
      bytesByPackage.set(pkg, (bytesByPackage.get(pkg) ?? 0) + bytesInOutput);
    }
  }
  for (const [pkg, bytes] of [...bytesByPackage].sort((a, b) => b[1] - a[1])) console.log(`${String(Math.round(bytes / 1024)).padStart(6)} KB  ${pkg}`);
}
