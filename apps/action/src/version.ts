// The version in package.json, put in by esbuild's `define` (scripts/build.mjs; vitest.config.ts for tests).
declare const __EVALGATE_ACTION_VERSION__: string;

export const ACTION_VERSION: string = __EVALGATE_ACTION_VERSION__;
