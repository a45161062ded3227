// esbuild/vitest `define` that puts the version in package.json into src/version.ts.
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

export const versionDefine = { __EVALGATE_VSCODE_VERSION__: JSON.stringify(version) };
