// Bundles the apps' TypeScript entries (the apps ship only bundles) into bench/.build/ so the bench can import them.
import { build } from 'esbuild';
import { mkdir } from 'node:fs/promises';
import { benchDir } from './paths.mjs';

const outDir = `${benchDir}.build`;

/**
 * `exports`: { names: 'package entry' } re-exported from one ESM module; returns its file path. Entries are public
 * package exports (`@evalgate/action/internals`), never paths into a workspace.
 */
export async function bundleExports(name, exports) {
  await mkdir(outDir, { recursive: true });
  const lines = Object.entries(exports).map(([symbols, entry]) => `export { ${symbols} } from ${JSON.stringify(entry)};`);
  const outfile = `${outDir}/${name}.mjs`;
  await build({
    stdin: { contents: lines.join('\n'), resolveDir: benchDir, loader: 'ts', sourcefile: `${name}-entry.ts` },
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // The workspace packages stay external: the bench measures their built dist, as the apps use them.
    external: ['@evalgate/core', '@evalgate/emulator', '@evalgate/gate', '@evalgate/github-stand-in', 'zod', '@actions/core', '@actions/github', 'badge-maker'],
    logLevel: 'warning',
  });
  return outfile;
}
