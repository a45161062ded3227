// The esbuild settings of the shipped action bundle, shared with bench/floor-action so the bundle-size and
// cold-start reference is built exactly the same way.

// @actions/* 3+/9+ are ESM-only with CJS dependencies inside: an ESM bundle needs a real `require`.
const banner = { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" };

export const actionBundleOptions = {
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
  logLevel: 'warning',
};
