import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Files } from './deps.js';

/** Paths are relative to the working directory, which the runner sets to the workspace. */
export const nodeFiles: Files = {
  read: (path) => readFile(path, 'utf8'),
  write: async (path, content) => {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  },
};
