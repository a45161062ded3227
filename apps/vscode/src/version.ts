// The version in package.json, put in by esbuild's `define` (scripts/build.mjs; vitest.config.mts for tests).
declare const __EVALGATE_VSCODE_VERSION__: string;

export const EXTENSION_VERSION: string = __EVALGATE_VSCODE_VERSION__;
