// The version in package.json, put in by esbuild's `define` (scripts/build.mjs; vitest.config.ts for tests).
declare const __EVALGATE_CLI_VERSION__: string;

export const CLI_VERSION: string = __EVALGATE_CLI_VERSION__;
